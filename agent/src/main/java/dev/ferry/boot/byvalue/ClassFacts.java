package dev.ferry.boot.byvalue;

import java.util.List;
import java.util.Set;

/**
 * What Ferry needs to know of a class file it ships or receives, read without loading it.
 *
 * @param name the class's internal name ({@code this_class})
 * @param superName its superclass's internal name ({@code super_class}; null for {@code java/lang/Object} only)
 * @param classReferences internal names of every class constant, the super types among them
 * @param descriptorReferences internal names of the other classes named in descriptors (of declared fields and
 *     methods, of members referred to, of method types): the reference policy does not judge them (a descriptor
 *     calls nothing), but a generated one must travel with the class, whose reflection and verification load it
 * @param memberReferences {@code owner#name} of every field and method reference (internal owner names)
 * @param initializerAssigned the static fields the class's own static initializer assigns: they get their values on
 *     the reader when the class initializes, so they are not shipped as static state
 */
public record ClassFacts(String name, String superName, List<String> classReferences,
        List<String> descriptorReferences, List<String> memberReferences, Set<String> initializerAssigned) {
}
