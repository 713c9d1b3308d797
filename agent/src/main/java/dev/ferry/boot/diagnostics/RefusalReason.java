package dev.ferry.boot.diagnostics;

/** Why a reader refused a recipe; the names are stable and documented (JMX, JFR, logs). */
public enum RefusalReason {
    /** A lambda recipe naming a call site the capturing class, as prepared here, does not have (or not matching). */
    LAMBDA_CALL_SITE("lambda-call-site"),
    /** A {@code SerializedLambda} naming a method that is not a javac-serializable lambda of its class. */
    SERIALIZED_LAMBDA("serialized-lambda"),
    /** The stream's {@code ObjectInputFilter} rejected a class a recipe names. */
    FILTER("filter"),
    /** A class-by-value recipe reached a JVM without a key. */
    NO_KEY("no-key"),
    /** A class-by-value recipe whose HMAC-SHA256 tag does not verify. */
    INTEGRITY("integrity"),
    /** Received class bytes refer to something the deny-list forbids. */
    DENIED_REFERENCE("denied-reference"),
    /** A recipe that is malformed: unknown version, over a limit, not a class file, inconsistent. */
    MALFORMED("malformed"),
    /** A verified class that this JVM cannot define or initialize. */
    DEFINITION("definition"),
    /** A specialization recipe naming a generator id no generator in this JVM has. */
    UNKNOWN_GENERATOR("unknown-generator"),
    /** A specialization whose generator does not accept its origin, fails, or returns no class. */
    GENERATOR_REFUSED("generator-refused"),
    /** A stream that would make more new classes than {@code maxClassesPerStream} or {@code maxClasses} allow. */
    LIMIT("limit");

    private final String label;

    RefusalReason(String label) {
        this.label = label;
    }

    /** The stable name: {@code lambda-call-site}, {@code integrity}, ... */
    public String label() {
        return label;
    }
}
