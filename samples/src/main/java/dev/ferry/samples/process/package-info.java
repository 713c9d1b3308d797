/**
 * What every demo shares: starting a worker JVM with the agent ({@link dev.ferry.samples.process.WorkerJvm}), or a
 * JVM without it ({@link dev.ferry.samples.process.JavaProcess}), and the framed connection between a driver and its
 * worker ({@link dev.ferry.samples.process.Wire}). Nothing here knows about Ferry beyond the {@code -javaagent} option.
 */
package dev.ferry.samples.process;
