package dev.ferry.bench.apps.spring;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A real application's start-up: a Spring Boot application (auto-configuration, component scan of this package, a
 * few beans made by lambdas) starts its context, uses a bean and closes. Prints {@code context=ok} when it did.
 */
@SpringBootApplication
public class SpringBootStart {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(SpringBootStart.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        try (ConfigurableApplicationContext context = application.run(args)) {
            Berths berths = context.getBean(Berths.class);
            System.out.println(berths.sorted().equals(List.of("A1", "B2", "C3")) ? "context=ok" : "context=wrong");
        }
    }

    @Bean
    Function<String, String> berthName() {
        return name -> name.strip().toUpperCase();
    }

    @Bean
    Comparator<String> berthOrder() {
        return Comparator.comparing(String::toString);
    }
}
