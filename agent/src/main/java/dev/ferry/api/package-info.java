/**
 * Ferry's public API: the specialization SPI.
 *
 * <p>A framework that generates one class per (template, type arguments) pair implements
 * {@link dev.ferry.api.SpecializationGenerator} and registers it, by {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/dev.ferry.api.SpecializationGenerator} file) or by
 * {@link dev.ferry.api.Specializations#register}. Ferry then writes the descriptor of each such class as a recipe:
 * the generator's id, the origin and the type arguments; a reading JVM asks its own generator for the class, so the
 * objects it reads are instances of the very class its generator returns for that pair.
 *
 * <p>With Ferry attached these classes are defined by the bootstrap class loader, so every class loader sees the same
 * ones. Compile against the agent jar with {@code provided} scope. A library that must also run without Ferry
 * registers through {@code ServiceLoader} only: its provider class is then never loaded unless Ferry asks for it.
 */
package dev.ferry.api;
