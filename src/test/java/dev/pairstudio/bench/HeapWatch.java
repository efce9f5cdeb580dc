package dev.pairstudio.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap of one benchmark phase, from two sources: the used heap sampled every 10 ms
 * ({@code MemoryMXBean}) and, exactly, the heap just before and just after every collection
 * (GC notifications). "After GC" is the figure that shows whether memory stays flat: the heap
 * still in use right after a collection, an upper bound on live data (a young collection leaves
 * the old generation's garbage). "Used" includes garbage not yet collected, so it approaches
 * -Xmx by design when the JVM has no reason to collect earlier.
 */
final class HeapWatch implements AutoCloseable {
    private static final long MB = 1 << 20;

    /** The peaks of one phase in bytes; {@code afterGc} is the live heap at the phase start when no collection ran. */
    record Peak(long used, long afterGc, int collections) {
        long usedMb() {
            return used / MB;
        }

        long afterGcMb() {
            return afterGc / MB;
        }

        @Override
        public String toString() {
            return afterGcMb() + " MB after GC (" + usedMb() + " MB used)";
        }
    }

    private final Set<String> heapPools = new HashSet<>();
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final NotificationListener listener = this::onGc;
    private final Thread sampler;
    private volatile boolean running = true;

    HeapWatch() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
            }
        }
        sampler = new Thread(this::sample, "heap-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts a phase: collects garbage first (outside any timing) so that the phase starts from its live heap. */
    void begin() {
        System.gc();
        long used = used();
        peakUsed.set(used);
        peakAfterGc.set(used);
        collections.set(0);
    }

    /** The peaks since {@link #begin()}. */
    Peak peak() {
        max(peakUsed, used());
        return new Peak(peakUsed.get(), peakAfterGc.get(), (int) collections.get());
    }

    /** The largest heap this JVM may use (-Xmx). */
    static long maxHeap() {
        return Runtime.getRuntime().maxMemory();
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private void sample() {
        while (running) {
            max(peakUsed, used());
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void onGc(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData())
                .getGcInfo();
        max(peakUsed, heapOf(info.getMemoryUsageBeforeGc()));
        max(peakAfterGc, heapOf(info.getMemoryUsageAfterGc()));
        collections.incrementAndGet();
    }

    private long heapOf(Map<String, MemoryUsage> pools) {
        long sum = 0;
        for (Map.Entry<String, MemoryUsage> e : pools.entrySet()) {
            if (heapPools.contains(e.getKey())) {
                sum += e.getValue().getUsed();
            }
        }
        return sum;
    }

    private static void max(AtomicLong peak, long value) {
        peak.accumulateAndGet(value, Math::max);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (ListenerNotFoundException e) {
                    // never added to this one
                }
            }
        }
    }
}
