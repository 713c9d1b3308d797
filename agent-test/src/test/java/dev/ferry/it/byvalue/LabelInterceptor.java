package dev.ferry.it.byvalue;

import java.io.Serializable;
import net.bytebuddy.implementation.bind.annotation.This;

/**
 * A serializable Byte Buddy delegation target. {@code MethodDelegation.to(interceptor)} keeps the instance in a static
 * field of the generated class, set after the class is loaded: this state must travel with the class. {@code mood}
 * is changed after loading, so the reader must see the state as it was when the stream was written.
 */
public class LabelInterceptor implements Serializable {

    /** Distinctive text in the serialized static state, which the trust tests find and flip in a stream. */
    public static final String MARKER = "STATIC-STATE-MARKER-1234";

    private static final long serialVersionUID = 1L;

    private final String prefix;
    private final String marker;
    private String mood = "as-loaded";

    public LabelInterceptor(String prefix) {
        this.prefix = prefix;
        this.marker = MARKER;
    }

    public void setMood(String mood) {
        this.mood = mood;
    }

    /** Replaces {@link Base#describe()} of the generated class. */
    public String describe(@This Base self) {
        return prefix + self.getLabel() + " mood=" + mood + " " + marker;
    }
}
