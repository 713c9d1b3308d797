/**
 * A small library of generic models, specialized per type argument at run time, in the manner of the generic models of
 * a validation library ({@code Model[int]}): {@link dev.ferry.samples.specialized.library.Box Box&lt;Integer&gt;} is a
 * class Byte Buddy generates the first time a program asks for it, validates values against {@code Integer}, and
 * caches.
 *
 * <p>It is written as any such library is, without Ferry in mind; only
 * {@link dev.ferry.samples.specialized.library.TypedModelGenerator} adapts it to Ferry's specialization SPI.
 */
package dev.ferry.samples.specialized.library;
