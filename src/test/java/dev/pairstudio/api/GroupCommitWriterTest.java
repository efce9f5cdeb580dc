package dev.pairstudio.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairstudio.pair.Pair;
import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.pair.Source;
import dev.pairstudio.pair.Timestamps;
import dev.pairstudio.store.AddResult;
import dev.pairstudio.store.PairIntake;
import dev.pairstudio.store.StoreException;
import dev.pairstudio.testing.TestPair;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Group commit against a fake store: grouping, per-request answers, and a failing request failing alone. */
class GroupCommitWriterTest {
    private final List<Integer> transactions = new CopyOnWriteArrayList<>();
    private final List<Long> notified = new CopyOnWriteArrayList<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private volatile CountDownLatch hold = new CountDownLatch(0);
    /** Counted down when the writer is inside the store with its first group: what comes next queues behind it. */
    private final CountDownLatch inStore = new CountDownLatch(1);

    private final AtomicInteger deadlocks = new AtomicInteger();

    /** A store whose addAll hands out ids, waits for {@link #hold} and refuses any batch holding a "poison" pair. */
    private PairIntake fakeStore() {
        return new PairIntake() {
            @Override
            public AddResult addAll(List<Pair> pairs, List<PairAnalysis> analyses, Source source, String importBatch) {
                inStore.countDown();
                try {
                    hold.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StoreException("interrupted");
                }
                if (pairs.stream().anyMatch(p -> p.question().equals("poison"))) {
                    throw new StoreException("refused");
                }
                if (deadlocks.getAndDecrement() > 0) {
                    throw new StoreException(
                            "Deadlock detected", new SQLException("Deadlock detected", "40001", 40001));
                }
                transactions.add(pairs.size());
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < pairs.size(); i++) {
                    ids.add(nextId.getAndIncrement());
                }
                return new AddResult(ids, 0);
            }

            @Override
            public AddResult addAll(
                    List<Pair> pairs,
                    List<PairAnalysis> analyses,
                    Source source,
                    String importBatch,
                    Grouping grouping) {
                throw new UnsupportedOperationException("the collector groups after committing");
            }
        };
    }

    private static List<Pair> pairs(String question, int n) {
        List<Pair> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(TestPair.of("id-" + question + i, question, "SELECT 1")
                    .at(Timestamps.now())
                    .on(null, null)
                    .build());
        }
        return out;
    }

    private static List<PairAnalysis> none(int n) {
        return Collections.nCopies(n, PairAnalysis.NONE);
    }

    @Test
    void requestsWaitingTogetherShareOneTransactionAndGetTheirOwnIds() throws Exception {
        try (GroupCommitWriter w = new GroupCommitWriter(fakeStore(), "b", 10_000, notified::addAll)) {
            hold = new CountDownLatch(1);
            CompletableFuture<List<Long>> first = w.submit(pairs("a", 1), none(1)); // taken alone, blocks in the store
            assertThat(inStore.await(10, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<List<Long>>> waiting = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                waiting.add(w.submit(pairs("q" + i, 3), none(3)));
            }
            hold.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).containsExactly(1L);
            List<Long> all = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                List<Long> ids = waiting.get(i).get(10, TimeUnit.SECONDS);
                assertThat(ids).hasSize(3);
                all.addAll(ids);
            }
            assertThat(all).doesNotHaveDuplicates().hasSize(30);
            assertThat(transactions).containsExactly(1, 30); // the ten waiting requests: one transaction
            assertThat(notified).hasSize(31);
        }
    }

    @Test
    void aFailingRequestFailsAloneAndTheRestOfItsGroupIsStored() throws Exception {
        try (GroupCommitWriter w = new GroupCommitWriter(fakeStore(), "b", 10_000, notified::addAll)) {
            hold = new CountDownLatch(1);
            CompletableFuture<List<Long>> first = w.submit(pairs("a", 1), none(1));
            assertThat(inStore.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<List<Long>> good1 = w.submit(pairs("g", 2), none(2));
            CompletableFuture<List<Long>> bad = w.submit(pairs("poison", 1), none(1));
            CompletableFuture<List<Long>> good2 = w.submit(pairs("h", 2), none(2));
            hold.countDown();
            first.get(10, TimeUnit.SECONDS);
            assertThat(good1.get(10, TimeUnit.SECONDS)).hasSize(2);
            assertThat(good2.get(10, TimeUnit.SECONDS)).hasSize(2);
            assertThatThrownBy(bad::join)
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(StoreException.class);
            assertThat(transactions).containsExactly(1, 2, 2);
        }
    }

    @Test
    void aDeadlockVictimIsTriedAgainWhole() throws Exception {
        try (GroupCommitWriter w = new GroupCommitWriter(fakeStore(), "b", 10_000, notified::addAll)) {
            deadlocks.set(2);
            assertThat(w.submit(pairs("d", 3), none(3)).get(10, TimeUnit.SECONDS))
                    .hasSize(3);
            assertThat(transactions).containsExactly(3);
        }
        assertThat(GroupCommitWriter.isDeadlock(
                        new StoreException("x", new RuntimeException(new SQLException("d", "40001")))))
                .isTrue();
        assertThat(GroupCommitWriter.isDeadlock(new StoreException("x"))).isFalse();
    }

    @Test
    void groupsStayWithinTheirSize() throws Exception {
        try (GroupCommitWriter w = new GroupCommitWriter(fakeStore(), "b", 10, notified::addAll)) {
            hold = new CountDownLatch(1);
            w.submit(pairs("a", 1), none(1));
            assertThat(inStore.await(10, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<List<Long>>> waiting = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                waiting.add(w.submit(pairs("q" + i, 4), none(4)));
            }
            hold.countDown();
            for (CompletableFuture<List<Long>> f : waiting) {
                f.get(10, TimeUnit.SECONDS);
            }
            assertThat(transactions).containsExactly(1, 8, 8, 4);
        }
    }

    @Test
    void afterCloseRequestsAreRefusedAndQueuedOnesStored() throws Exception {
        GroupCommitWriter w = new GroupCommitWriter(fakeStore(), "b", 10_000, notified::addAll);
        hold = new CountDownLatch(1);
        CompletableFuture<List<Long>> first = w.submit(pairs("a", 1), none(1));
        assertThat(inStore.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<List<Long>> queued = w.submit(pairs("b", 1), none(1));
        Thread closer = new Thread(w::close);
        closer.start();
        // close() has marked the writer closed and waits for it: a request now is refused, the queued one is not
        while (closer.getState() != Thread.State.TIMED_WAITING) {
            assertThat(closer.isAlive())
                    .as("close() returned while the store still held the writer")
                    .isTrue();
            Thread.onSpinWait();
        }
        assertThat(first).isNotDone();
        hold.countDown();
        closer.join(10_000);
        assertThat(first.get(1, TimeUnit.SECONDS)).hasSize(1);
        assertThat(queued.get(1, TimeUnit.SECONDS)).hasSize(1);
        assertThatThrownBy(() -> w.submit(pairs("c", 1), none(1)).join())
                .hasCauseInstanceOf(IllegalStateException.class);
    }
}
