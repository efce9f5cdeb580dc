package dev.pairstudio.reliability;

import dev.pairstudio.cli.Cli;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs several CLI commands in one JVM with the application's own logging set up as
 * {@code pairstudio} sets it up (into {@code pair-studio.log} in {@code -Dpairstudio.home}),
 * our packages at TRACE so that every log line there could be is written. Args: a script file,
 * one command per line, arguments separated by TAB. Prints each command line, its output as it
 * comes and its exit code.
 */
public final class CliSession {
    private CliSession() {}

    public static void main(String[] args) throws Exception {
        var init = Class.forName("dev.pairstudio.app.Logging").getDeclaredMethod("init");
        init.setAccessible(true);
        init.invoke(null);
        System.setProperty("org.slf4j.simpleLogger.log.dev.pairstudio", "trace");
        List<String> script = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        PrintWriter console = new PrintWriter(System.out, true);
        for (String line : script) {
            String[] command = line.split("\t");
            console.println("$ " + String.join(" ", command));
            CommandLine cl = Cli.commandLine();
            cl.setOut(console);
            cl.setErr(console);
            int code = cl.execute(command);
            console.println("exit " + code);
        }
        console.flush();
        System.exit(0); // as pairstudio does: no lingering thread keeps the process
    }
}
