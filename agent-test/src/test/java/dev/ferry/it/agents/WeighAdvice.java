package dev.ferry.it.agents;

import net.bytebuddy.asm.Advice;

/**
 * Byte Buddy {@link Advice} on {@link Cargo#weigh}: counts the call and adds one to the result, so that a caller sees
 * that the advised code runs.
 */
public final class WeighAdvice {

    private WeighAdvice() {
    }

    @Advice.OnMethodEnter
    static void enter() {
        Advised.CALLS.incrementAndGet();
    }

    @Advice.OnMethodExit
    static void exit(@Advice.Return(readOnly = false) int weight) {
        weight = weight + 1;
    }
}
