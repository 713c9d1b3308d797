package dev.ferry.bench;

/** The start-up benchmark's hello world. */
public final class Hello {

    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("Hello, world");
    }
}
