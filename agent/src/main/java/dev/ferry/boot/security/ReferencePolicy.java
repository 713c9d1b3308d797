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
 * alone, which javac writes for every class that merely names a nested type), or {@code package.*} (every class of
 * the package and its subpackages). Names are binary names ({@code java.lang.Runtime#exec}).
 */
public final class ReferencePolicy {

    /** The rules that apply unless {@code allowReferences} lifts some of them. */
    public static final List<String> DEFAULT_DENIED = List.of(
            "java.lang.Runtime#exec", "java.lang.Runtime#exit", "java.lang.Runtime#halt", "java.lang.Runtime#load",
            "java.lang.Runtime#loadLibrary", "java.lang.ProcessBuilder", "java.lang.ProcessHandle",
            "java.lang.System#exit", "java.lang.System#load", "java.lang.System#loadLibrary",
            "java.lang.System#setSecurityManager", "sun.misc.Unsafe", "jdk.internal.*",
            "java.lang.ClassLoader", "java.security.SecureClassLoader", "java.net.URLClassLoader",
            "java.lang.invoke.MethodHandles#privateLookupIn", "java.lang.invoke.MethodHandles$Lookup#*",
            "java.lang.reflect.AccessibleObject#setAccessible", "java.lang.reflect.Method#setAccessible",
            "java.lang.reflect.Field#setAccessible", "java.lang.reflect.Constructor#setAccessible");

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
        boolean wholePackage = owner.endsWith(".*");
        String name = wholePackage ? owner.substring(0, owner.length() - 1) : owner;
        if (name.isEmpty() || (member != null && (member.isEmpty() || wholePackage)) || !isBinaryName(name)) {
            throw new IllegalArgumentException("malformed reference rule '" + text + "' (expected a.b.C, a.b.C#member,"
                    + " a.b.C#* or a.b.*)");
        }
        return new Rule(text, name.replace('.', '/'), wholePackage, member);
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

    /**
     * The first rule a class's references break, or null.
     *
     * @param classReferences internal names of the class constants
     * @param memberReferences {@code owner#name} of the field and method references, internal owner names
     */
    public String firstDenied(List<String> classReferences, List<String> memberReferences) {
        for (Rule rule : denied) {
            if (rule.member == null) {
                for (String type : classReferences) {
                    if (rule.matchesOwner(type)) {
                        return rule.text;
                    }
                }
            }
            for (String reference : memberReferences) {
                int hash = reference.indexOf('#');
                if (rule.matchesOwner(reference.substring(0, hash))
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

        Rule(String text, String owner, boolean wholePackage, String member) {
            this.text = text;
            this.owner = owner;
            this.wholePackage = wholePackage;
            this.member = member;
        }

        boolean matchesOwner(String type) {
            return wholePackage ? type.startsWith(owner) : type.equals(owner);
        }
    }
}
