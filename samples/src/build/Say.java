/**
 * Prints its arguments as one line: the demo's first words, before Maven builds anything (the demo runs Maven with
 * -q, which would otherwise say nothing until the first demo starts). Run as a source file by the root pom's demo
 * profile, so it needs no build of its own.
 */
public class Say {
    public static void main(String[] words) {
        System.out.println(String.join(" ", words));
    }
}
