package dev.ferry.it.hazelcast;

import dev.ferry.it.Jdk;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Which JDK each of a round-trip cluster's three members, and its client, run on. */
enum ClusterShape {
    ALL_ON_JDK17(List.of(Jdk.JDK17, Jdk.JDK17, Jdk.JDK17), Jdk.JDK17),
    ALL_ON_JDK25(List.of(Jdk.JDK25, Jdk.JDK25, Jdk.JDK25), Jdk.JDK25),
    /** One cluster whose members run on both JDKs; the client on the newer one. */
    MIXED(List.of(Jdk.JDK17, Jdk.JDK25, Jdk.JDK17), Jdk.JDK25);

    private final List<Jdk> memberJdks;
    private final Jdk clientJdk;

    ClusterShape(List<Jdk> memberJdks, Jdk clientJdk) {
        this.memberJdks = memberJdks;
        this.clientJdk = clientJdk;
    }

    List<Jdk> memberJdks() {
        return memberJdks;
    }

    Jdk clientJdk() {
        return clientJdk;
    }

    /** {@code member-1}, {@code member-2}, {@code member-3}. */
    static String memberName(int index) {
        return "member-" + (index + 1);
    }

    /** How a member names itself in its answers: {@code member-2/jdk25}. */
    String answerName(String member) {
        int index = Integer.parseInt(member.substring(member.indexOf('-') + 1)) - 1;
        return member + "/jdk" + memberJdks.get(index).feature();
    }

    /** Every member as it names itself, in order, comma separated. */
    String everyMember() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < memberJdks.size(); i++) {
            names.add(answerName(memberName(i)));
        }
        return names.stream().collect(Collectors.joining(","));
    }

    @Override
    public String toString() {
        return "members on " + memberJdks.stream().map(jdk -> String.valueOf(jdk.feature()))
                .collect(Collectors.joining(", ", "JDK ", "")) + ", client on " + clientJdk;
    }
}
