package dev.ferry.boot.security;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The deny-list for received class bytes: references to classes and members that generated classes have no business
 * calling (process creation, JVM exit, {@code Unsafe}, class loaders, reflection into {@code java.lang.invoke}).
 * Defense in depth behind the integrity key: it sees direct references in the constant pool only, not what reflection
 * by name might reach.
 *
 * <p>A rule is {@code owner} (any reference to the class: as a class constant or as the owner of a field or method),
 * {@code owner#member} (that field or method, any descriptor), {@code owner#*} (any member, but not the class constant
 * alone, which javac writes for every class that merely names a nested type), {@code package.*} (every class of the
 * package and its subpackages), {@code package.*#member} (that member of any class there, so that a call through a
 * subclass, {@code ((Executable) m).setAccessible}, is caught as well), or {@code owner+} (any reference to the class
 * or to any class that extends or implements it, resolved where the received class would resolve it, so that
 * {@code new ByteArrayClassLoader(...)} is caught by {@code java.lang.ClassLoader+}). Names are binary names
 * ({@code java.lang.Runtime#exec}).
 *
 * <p>The deny-list is defence in depth: the trust boundary is the key, which only writers the reader trusts hold.
 */
public final class ReferencePolicy {

    /** The rules that apply unless {@code allowReferences} lifts some of them. */
    public static final List<String> DEFAULT_DENIED = List.of(
            // processes, the JVM's life, native code
            "java.lang.Runtime#exec", "java.lang.Runtime#exit", "java.lang.Runtime#halt", "java.lang.Runtime#load",
            "java.lang.Runtime#loadLibrary", "java.lang.ProcessBuilder", "java.lang.ProcessHandle",
            "java.lang.System#exit", "java.lang.System#load", "java.lang.System#loadLibrary",
            "java.lang.System#setSecurityManager", "sun.misc.Unsafe", "jdk.internal.*", "java.lang.instrument.*",
            // new code: class loaders of any kind, lookups that define classes, module layers with loaders
            "java.lang.ClassLoader+", "java.lang.invoke.MethodHandles#lookup",
            "java.lang.invoke.MethodHandles#publicLookup", "java.lang.invoke.MethodHandles#privateLookupIn",
            "java.lang.invoke.MethodHandles$Lookup#*", "java.lang.ModuleLayer#defineModules",
            "java.lang.ModuleLayer#defineModulesWithOneLoader", "java.lang.ModuleLayer#defineModulesWithManyLoaders",
            "java.lang.ModuleLayer$Controller#*", "javax.management.loading.*",
            // reflection past access checks, and calls by name
            "java.lang.reflect.*#setAccessible", "java.lang.reflect.*#trySetAccessible",
            "java.lang.reflect.Method#invoke", "java.lang.reflect.Constructor#newInstance",
            "java.lang.Class#newInstance", "java.beans.Statement", "java.beans.Expression",
            "java.beans.EventHandler", "java.beans.XMLDecoder",
            // interpreters and lookups that fetch code
            "javax.script.*", "javax.naming.*", "java.rmi.Naming", "java.rmi.registry.*");

    private final List<Rule> denied;

    private ReferencePolicy(List<Rule> denied) {
        this.denied = denied;
    }

    /**
     * @param extraDenied rules added to {@link #DEFAULT_DENIED}
     * @param allowed rules removed from the result, compared as written
     * @throws IllegalArgumentException naming a malformed rule
     */
    public static ReferencePolicy of(List<String> extraDenied, List<String> allowed) {
        List<String> texts = new ArrayList<>(DEFAULT_DENIED);
        texts.addAll(extraDenied);
        for (String allow : allowed) {
            parse(allow);
        }
        texts.removeAll(allowed);
        List<Rule> rules = new ArrayList<>();
        for (String text : texts) {
            rules.add(parse(text));
        }
        return new ReferencePolicy(Collections.unmodifiableList(rules));
    }

    private static Rule parse(String text) {
        int hash = text.indexOf('#');
        String owner = hash < 0 ? text : text.substring(0, hash);
        String member = hash < 0 ? null : text.substring(hash + 1);
        boolean subtypes = owner.endsWith("+");
        if (subtypes) {
            owner = owner.substring(0, owner.length() - 1);
        }
        boolean wholePackage = owner.endsWith(".*");
        String name = wholePackage ? owner.substring(0, owner.length() - 1) : owner;
        if (name.isEmpty() || (member != null && (member.isEmpty() || member.equals("*") && wholePackage
                || subtypes)) || (subtypes && wholePackage) || !isBinaryName(name)) {
            throw new IllegalArgumentException("malformed reference rule '" + text + "' (expected a.b.C, a.b.C#member,"
                    + " a.b.C#*, a.b.*, a.b.*#member or a.b.C+)");
        }
        return new Rule(text, name.replace('.', '/'), wholePackage, member, subtypes);
    }

    private static boolean isBinaryName(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isJavaIdentifierPart(c) || c == '.' || c == '$')) {
                return false;
            }
        }
        return true;
    }

    /** Whether a class, named by internal name, extends or implements another, as the received class would see it. */
    public interface Subtypes {
        /** Subtypes that resolve nowhere: a rule with {@code +} matches the class itself only. */
        Subtypes NONE = new Subtypes() {
            @Override
            public boolean isSubtype(String type, String supertype) {
                return false;
            }
        };

        boolean isSubtype(String type, String supertype);
    }

    /** The first rule a class's references break, or null; {@code +} rules match the classes themselves only. */
    public String firstDenied(List<String> classReferences, List<String> memberReferences) {
        return firstDenied(classReferences, memberReferences, Subtypes.NONE);
    }

    /**
     * The first rule a class's references break, or null.
     *
     * @param classReferences internal names of the class constants
     * @param memberReferences {@code owner#name} of the field and method references, internal owner names
     * @param subtypes how {@code +} rules learn that a referenced class extends the rule's class
     */
    public String firstDenied(List<String> classReferences, List<String> memberReferences, Subtypes subtypes) {
        for (Rule rule : denied) {
            if (rule.member == null) {
                for (String type : classReferences) {
                    if (rule.matchesOwner(type, subtypes)) {
                        return rule.text + (type.equals(rule.owner) ? "" : " (" + type.replace('/', '.') + ")");
                    }
                }
            }
            for (String reference : memberReferences) {
                int hash = reference.indexOf('#');
                if (rule.matchesOwner(reference.substring(0, hash), subtypes)
                        && (rule.member == null || rule.member.equals("*")
                                || rule.member.equals(reference.substring(hash + 1)))) {
                    return rule.text + " (" + reference.replace('/', '.') + ")";
                }
            }
        }
        return null;
    }

    @Override
    public String toString() {
        List<String> texts = new ArrayList<>();
        for (Rule rule : denied) {
            texts.add(rule.text);
        }
        return String.join(":", texts);
    }

    private static final class Rule {
        final String text;
        final String owner;
        final boolean wholePackage;
        final String member;
        final boolean subtypes;

        Rule(String text, String owner, boolean wholePackage, String member, boolean subtypes) {
            this.text = text;
            this.owner = owner;
            this.wholePackage = wholePackage;
            this.member = member;
            this.subtypes = subtypes;
        }

        boolean matchesOwner(String type, Subtypes resolver) {
            if (wholePackage) {
                return type.startsWith(owner);
            }
            return type.equals(owner) || subtypes && !type.startsWith("[") && resolver.isSubtype(type, owner);
        }
    }
}
