package dev.ferry.agent.jfr;

import dev.ferry.boot.diagnostics.RefusalReason;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A reader refused a recipe; the reasons are the stable labels of {@code RefusalReason}. */
@Name("dev.ferry.Refusal")
@Category("Ferry")
@Label("Ferry Refusal")
@Description("A recipe read from a stream was refused")
@Enabled(true)
@StackTrace(false)
public final class RefusalEvent extends Event {

    @Label("Reason")
    @Description("lambda-call-site, serialized-lambda, filter, no-key, integrity, denied-reference, malformed,"
            + " definition, unknown-generator, generator-refused or limit")
    String reason;

    @Label("Class Name")
    @Description("The class the recipe named, made printable")
    String className;

    @Label("Message")
    @Description("What was refused and what to do, as the exception says")
    String message;

    /** For JFR. */
    public RefusalEvent() {
    }
}
