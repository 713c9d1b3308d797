/**
 * The Hazelcast demo: a cluster of three stock Hazelcast members, each in a JVM of its own whose class path holds
 * Hazelcast and a generator library but nothing of the client, runs a client's plain lambdas, its classes and objects
 * of classes it generated, through Hazelcast's own APIs ({@code IExecutorService}, {@code IMap},
 * {@code EntryProcessor}).
 *
 * <p>Start with {@link dev.ferry.samples.hazelcast.client}: ordinary application code, which knows nothing of Ferry.
 * {@link dev.ferry.samples.hazelcast.Driver} starts the members ({@link dev.ferry.samples.hazelcast.MemberJvms}, with
 * {@code member.yaml} and the class path {@link dev.ferry.samples.hazelcast.MemberClassPath} builds) and the client
 * JVM. Ferry's part is two agent arguments: {@code keyFile=KEY} on the members, {@code keyFile=KEY,byValue=<the
 * client's package>} on the client.
 *
 * <p>Run it from the top of the repository with {@code mvn -B -q -Pdemo -DskipTests package}, after the other demos.
 */
package dev.ferry.samples.hazelcast;
