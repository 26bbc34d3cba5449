package tc0.compiler.gadgets;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A long {@link RepeatedRange} swept in two halves at once: the first on the calling thread with the family's sweep,
 * the second on another thread with a sweep and totals of its own ({@link RepeatedSweep} answers any count in any
 * order, so a fresh one gives the same figures). Deterministic and the same as one sweep: the totals are exact sums
 * (added after, in any order the same), the output stretches are told in order with the two halves' joined where the
 * bits go on across the middle, and where the first half stops (no answer, an exception) the second's rows are
 * dropped, as one sweep would never have reached them. What it saves is wall time on two or more cores (tensor
 * attention's {@code S @ V} at n = 2^20: a million counts of one family), not CPU. Where the pool's thread is busy,
 * the calling thread runs the second half itself after the first.
 */
final class RangeSplit {
    private RangeSplit() {}

    /** Ranges swept in halves so far, and the second halves the calling thread ran itself (tests). */
    static final java.util.concurrent.atomic.LongAdder SPLITS = new java.util.concurrent.atomic.LongAdder(), RUN_HERE = new java.util.concurrent.atomic.LongAdder();

    static int sweep(RepeatedRange range, long[] counts, int from, int to, RepeatedRange.Outputs out) {
        SPLITS.increment();
        int mid = from + (to - from) / 2;
        RepeatedRange second = range.secondHalf();
        List<int[]> at = new ArrayList<>();
        List<ClosedSum> samples = new ArrayList<>();
        Throwable[] failed = new Throwable[1];
        int[] end2 = {mid};
        AtomicBoolean claimed = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        Runnable body = () -> {
            try {
                end2[0] = second.sweepRows(counts, mid, to, (a, b, sample) -> { at.add(new int[] {a, b}); samples.add(sample); });
            } catch (Throwable e) { // passed on by the calling thread, after the rows before it are added and told
                failed[0] = e;
            } finally {
                done.countDown();
            }
        };
        ForkJoinPool.commonPool().execute(() -> { if (claimed.compareAndSet(false, true)) body.run(); });
        Held held = new Held(out);
        int end;
        try {
            end = range.sweepRows(counts, from, mid, held);
        } catch (RuntimeException e) { // the first half threw: its rows summed and told, the second's dropped
            drop(second, claimed, done);
            held.flush();
            throw e;
        }
        if (end < mid) {
            drop(second, claimed, done);
            held.flush();
            return end;
        }
        if (claimed.compareAndSet(false, true)) { RUN_HERE.increment(); body.run(); }
        await(done);
        int stop2 = second.stopped();
        range.addTotals(second, stop2 > mid);
        range.addSweepStats(second);
        int first = 0;
        if (held.sample != null && !at.isEmpty() && at.get(0)[0] == held.to
                && RepeatedRange.sameBits(samples.get(0).bitKind(), samples.get(0).bitLevel(), samples.get(0).bitNegated(), held.sample)) {
            held.to = at.get(0)[1]; // the stretch goes on across the middle: one stretch, the first row's sample
            first = 1;
        }
        held.flush();
        for (int i = first; i < at.size(); i++) out.stretch(at.get(i)[0], at.get(i)[1], samples.get(i));
        range.stoppedAt(stop2);
        if (failed[0] instanceof RuntimeException e) throw e;
        if (failed[0] instanceof Error e) throw e;
        if (failed[0] != null) throw new IllegalStateException(failed[0]);
        return end2[0];
    }

    /** The second half not wanted: not run where it has not started, else stopped at its next check and waited for. */
    private static void drop(RepeatedRange second, AtomicBoolean claimed, CountDownLatch done) {
        second.cancel();
        if (claimed.compareAndSet(false, true)) return;
        await(done);
    }

    private static void await(CountDownLatch done) {
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** The first half's stretches told one late: the last is held until the second half says whether it goes on. */
    private static final class Held implements RepeatedRange.Outputs {
        private final RepeatedRange.Outputs out;
        int from, to;
        ClosedSum sample;

        Held(RepeatedRange.Outputs out) { this.out = out; }

        @Override public void stretch(int a, int b, ClosedSum s) {
            flush();
            from = a;
            to = b;
            sample = s;
        }

        void flush() {
            if (sample != null) out.stretch(from, to, sample);
            sample = null;
        }
    }
}
