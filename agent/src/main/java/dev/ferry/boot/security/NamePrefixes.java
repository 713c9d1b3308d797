package dev.ferry.boot.security;

import java.util.List;

/** The one meaning of Ferry's package and class options: a prefix names a package, its subpackages and its classes,
 * or a class and its nested classes. */
public final class NamePrefixes {

    private NamePrefixes() {
    }

    /** @param internalName {@code com/acme/Main$Inner}; prefixes in the same form */
    public static boolean matchesAny(String internalName, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (internalName.startsWith(prefix) && (internalName.length() == prefix.length()
                    || internalName.charAt(prefix.length()) == '/' || internalName.charAt(prefix.length()) == '$')) {
                return true;
            }
        }
        return false;
    }
}
