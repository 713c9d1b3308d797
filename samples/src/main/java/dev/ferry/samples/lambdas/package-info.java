/**
 * The lambda demo: plain, non-{@code Serializable} lambdas written with an {@code ObjectOutputStream} in one JVM and
 * read back, working, with an {@code ObjectInputStream} in another.
 *
 * <p>Start with {@link dev.ferry.samples.lambdas.Tasks}: it is ordinary application code, and nothing in it knows
 * about Ferry. {@link dev.ferry.samples.lambdas.Driver} sends those lambdas to a {@link
 * dev.ferry.samples.lambdas.Worker} JVM and checks every answer against the one it computes itself; {@link
 * dev.ferry.samples.lambdas.WithoutFerry} shows what the same code does when no agent is attached.
 *
 * <p>Run it from the top of the repository with {@code mvn -B -q -Pdemo -DskipTests package}, or by hand:
 * <pre>
 * java -javaagent:agent/target/ferry-agent.jar -cp samples/target/classes \
 *      dev.ferry.samples.lambdas.Driver agent/target/ferry-agent.jar
 * </pre>
 */
package dev.ferry.samples.lambdas;
