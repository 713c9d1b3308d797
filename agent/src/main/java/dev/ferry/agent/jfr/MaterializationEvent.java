package dev.ferry.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * A recipe became a working lambda call site or class in this JVM for the first time. The time it took is a field:
 * the event is reported after the fact, when JFR's own duration can no longer be measured.
 */
@Name("dev.ferry.Materialization")
@Category("Ferry")
@Label("Ferry Materialization")
@Description("A lambda's wire class, a class by value or a specialization made for a stream, for the first time")
@Enabled(true)
@StackTrace(false)
public final class MaterializationEvent extends Event {

    @Label("Kind")
    @Description("lambda: a call site's wire class defined; class: a class defined from a class-by-value recipe;"
            + " specialization: a class a generator returned for a specialization recipe")
    String kind;

    @Label("Class Name")
    @Description("The capturing class of the lambda, or the class defined")
    String className;

    @Label("Materialization Time")
    @Description("How long linking or defining took")
    @Timespan(Timespan.NANOSECONDS)
    long materializationTime;

    /** For JFR. */
    public MaterializationEvent() {
    }
}
