package dev.ferry.it.agents;

import java.util.concurrent.atomic.AtomicInteger;

/** What {@link WeighAdvice} records: advice code is inlined into the advised class and calls this one. */
public final class Advised {

    /** How often the advice on {@link Cargo#weigh} ran. */
    public static final AtomicInteger CALLS = new AtomicInteger();

    private Advised() {
    }
}
