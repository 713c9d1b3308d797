package dev.ferry.bench;

/** A hello world that prints through one lambda: start-up including one prepared call site (information only). */
public final class HelloLambda {

    private HelloLambda() {
    }

    public static void main(String[] args) {
        String greeting = "Hello, world";
        Runnable hello = () -> System.out.println(greeting);
        hello.run();
    }
}
