package sample;

/** Prints a greeting plus what a test wants to see: the Java runtime and the user it runs as. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        String name = args.length > 0 ? String.join(" ", args) : "java-jre";
        System.out.printf("{\"greeting\":\"hello from %s\",\"java\":\"%s\",\"user\":\"%s\"}%n",
                name, System.getProperty("java.version"), System.getProperty("user.name"));
    }
}
