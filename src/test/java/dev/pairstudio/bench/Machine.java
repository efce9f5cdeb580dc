package dev.pairstudio.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** The machine line of a report: cores, memory, OS, Java, and the load average as {@code uptime} shows it. */
final class Machine {
    private Machine() {}

    static String describe() {
        long ram = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        return String.format(
                Locale.ROOT,
                "%d cores, %.1f GiB RAM, %s, %s %s, -Xmx %d MB",
                Runtime.getRuntime().availableProcessors(),
                ram / (1024.0 * 1024 * 1024),
                os(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"),
                HeapWatch.maxHeap() >> 20);
    }

    /** "0.13, 0.81, 1.76" (1, 5 and 15 minutes), from {@code uptime}, else /proc/loadavg, else the JVM's 1-minute figure. */
    static String load() {
        try {
            Process p = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor(5, TimeUnit.SECONDS)) {
                int at = out.indexOf("load average");
                if (at >= 0) {
                    return out.substring(out.indexOf(':', at) + 1).trim();
                }
            }
        } catch (IOException e) {
            // no uptime here: fall back
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException | RuntimeException e) {
            return String.format(
                    Locale.ROOT,
                    "%.2f (1 min)",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String os() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith("PRETTY_NAME=")) {
                    return line.substring(12).replace("\"", "") + " (" + System.getProperty("os.name") + " "
                            + System.getProperty("os.version") + ")";
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    /** CPU time of the whole process so far, in nanoseconds (all threads, including GC). */
    static long processCpu() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
