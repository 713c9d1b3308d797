package dev.ferry.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** Ferry could not prepare a class and left it as it was; the application sees the class as without Ferry. */
@Name("dev.ferry.TransformFailure")
@Category("Ferry")
@Label("Ferry Transform Failure")
@Description("A class Ferry could not prepare and left untouched")
@Enabled(true)
@StackTrace(false)
public final class TransformFailureEvent extends Event {

    @Label("Class Name")
    String className;

    @Label("Error")
    @Description("The failure, as Throwable.toString()")
    String error;

    /** For JFR. */
    public TransformFailureEvent() {
    }
}
