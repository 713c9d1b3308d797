package dev.ferry.bench.apps.spring;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/** A component found by the component scan, wired with the lambdas of {@link SpringBootStart}'s beans. */
@Component
public class Berths {

    private final Function<String, String> name;
    private final Comparator<String> order;

    public Berths(Function<String, String> name, Comparator<String> order) {
        this.name = name;
        this.order = order;
    }

    List<String> sorted() {
        return List.of(" c3", "a1 ", "b2").stream().map(name).sorted(order).toList();
    }
}
