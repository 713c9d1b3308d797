/**
 * The specialization demo: objects of classes a library generates per type argument ({@code Box<Integer>}, made by
 * Byte Buddy on first use) written with an {@code ObjectOutputStream} in one JVM and read back, as instances of the
 * reader's own generated classes, with an {@code ObjectInputStream} in another.
 *
 * <p>Start with {@link dev.ferry.samples.specialized.Samples}: it is ordinary application code using the library in
 * {@code library}, and nothing in it knows about Ferry. {@link dev.ferry.samples.specialized.Driver} sends those
 * objects to a {@link dev.ferry.samples.specialized.Worker} JVM and checks what it read;
 * {@link dev.ferry.samples.specialized.WithoutFerry} shows what the same code does when no agent is attached. Ferry
 * learns how to name and remake the library's classes from the library's one provider class,
 * {@link dev.ferry.samples.specialized.library.TypedModelGenerator}.
 *
 * <p>Run it from the top of the repository with {@code mvn -B -q -Pdemo -DskipTests package}, after the lambda demo.
 */
package dev.ferry.samples.specialized;
