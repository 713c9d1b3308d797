package dev.ferry.bench;

/**
 * The ordinary baseline of the by-value benchmarks: a class-path {@link Shape} with one {@code int} field, field for
 * field what {@link GeneratedShapes} generates; its simple name is as long as the generated class's, so that the two
 * class descriptors differ only by Ferry's recipe.
 */
public final class PlainSquare extends Shape {

    private static final long serialVersionUID = 1L;

    public int side;

    public PlainSquare(int side) {
        this.side = side;
    }

    @Override
    public int size() {
        return side;
    }
}
