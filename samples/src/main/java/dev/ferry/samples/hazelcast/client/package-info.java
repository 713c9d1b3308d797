/**
 * The client of the Hazelcast demo, and the application code it sends to the cluster: plain lambdas and a method
 * reference ({@link dev.ferry.samples.hazelcast.client.Boarding}, {@link dev.ferry.samples.hazelcast.client.Cargo}), a
 * task class with helpers ({@link dev.ferry.samples.hazelcast.client.FareQuote}), code reading map values on a member
 * ({@link dev.ferry.samples.hazelcast.client.Lookups}), and an object of a class Byte Buddy generates here
 * ({@link dev.ferry.samples.hazelcast.client.Parcels}). No member has any class of this package: the client runs with
 * {@code byValue=dev.ferry.samples.hazelcast.client}, so they travel by value, signed with the key the members share.
 * {@link dev.ferry.samples.hazelcast.client.ClusterClient} runs them and prints the table.
 */
package dev.ferry.samples.hazelcast.client;
