package tc0.circuits.eval;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import tc0.circuits.Circuit;

/**
 * 64 patterns per long, {@code blockWords} longs per signal at a time, blocks of patterns spread over
 * threads. The circuit is compiled once into a {@link BitProgram}; each thread runs it block after block
 * over its own value buffer (slots x block words), which stays in cache because dead signals give their
 * slots back. Equal to {@link ScalarEvaluator} bit for bit, whatever the thread count.
 */
public final class BitParallelEvaluator implements Evaluator {
    /** Longs per signal per block: 2048 patterns, enough to pay the per-gate dispatch many times over. */
    public static final int DEFAULT_BLOCK_WORDS = 32;
    /** Cap on one thread's value buffer (256 MiB): very wide circuits get shorter blocks instead. */
    private static final long MAX_BUFFER_LONGS = 1L << 25;

    private final int threads;
    private final int blockWords;

    /** All available processors, default block. */
    public BitParallelEvaluator() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public BitParallelEvaluator(int threads) {
        this(threads, DEFAULT_BLOCK_WORDS);
    }

    public BitParallelEvaluator(int threads, int blockWords) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        if (blockWords < 1) throw new IllegalArgumentException("blockWords must be at least 1, not " + blockWords);
        this.threads = threads;
        this.blockWords = blockWords;
    }

    @Override
    public String name() {
        return "bit-parallel";
    }

    public int threads() {
        return threads;
    }

    @Override
    public Program compile(Circuit c) {
        return new Program(c, BitProgramCompiler.compile(c), threads, blockWords);
    }

    /** A compiled circuit; {@link #stats()} tells how its gates were compiled. */
    public static final class Program implements Compiled {
        private final Circuit circuit;
        private final BitProgram program;
        private final int threads;
        private final int blockWords;

        private Program(Circuit circuit, BitProgram program, int threads, int blockWords) {
            this.circuit = circuit;
            this.program = program;
            this.threads = threads;
            this.blockWords = blockWords;
        }

        @Override
        public Circuit circuit() {
            return circuit;
        }

        /** Gates by compiled kind, and the value slots one thread needs. */
        public ProgramStats stats() {
            return program.stats();
        }

        @Override
        public BitMatrix evaluate(BitMatrix inputs) {
            Evaluator.checkInputs(circuit, inputs);
            BitMatrix out = new BitMatrix(circuit.outputCount(), inputs.patterns());
            int words = inputs.wordsPerRow();
            if (words == 0) return out;
            int block = blockFor(words);
            int blocks = (words + block - 1) / block;
            AtomicInteger next = new AtomicInteger();
            Runnable worker = () -> {
                long[] values = new long[program.slots() * block];
                BlockKernel kernel = new BlockKernel(program, block);
                for (int blk; (blk = next.getAndIncrement()) < blocks; ) {
                    runBlock(kernel, values, block, blk * block, inputs, out);
                }
            };
            runAll(worker, Math.min(threads, blocks));
            out.clearTails();
            return out;
        }

        /** Shorter blocks when there are few words (every thread gets work) or many slots (memory). */
        private int blockFor(int words) {
            int perThread = (words + threads - 1) / threads;
            long bySize = Math.max(1, MAX_BUFFER_LONGS / program.slots());
            return (int) Math.min(Math.min(blockWords, perThread), bySize);
        }

        private void runBlock(BlockKernel kernel, long[] v, int block, int firstWord, BitMatrix inputs, BitMatrix out) {
            int words = inputs.wordsPerRow();
            int count = Math.min(block, words - firstWord);
            long[] in = inputs.array();
            int[] inputSlot = program.inputSlot();
            for (int i = 0; i < inputSlot.length; i++) {
                int s = inputSlot[i];
                if (s < 0) continue;
                System.arraycopy(in, i * words + firstWord, v, s * block, count);
                if (count < block) java.util.Arrays.fill(v, s * block + count, (s + 1) * block, 0L);
            }
            kernel.run(v);
            long[] o = out.array();
            int[] outputs = program.outputs();
            for (int r = 0; r < outputs.length; r++) {
                int p = (outputs[r] >>> 1) * block;
                long m = -(outputs[r] & 1);
                int base = r * words + firstWord;
                for (int j = 0; j < count; j++) o[base + j] = v[p + j] ^ m;
            }
        }

        private static void runAll(Runnable worker, int workers) {
            if (workers <= 1) {
                worker.run();
                return;
            }
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread[] pool = new Thread[workers];
            for (int t = 0; t < workers; t++) {
                pool[t] = Thread.ofPlatform().name("tc0-eval-" + t).start(() -> {
                    try {
                        worker.run();
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            for (Thread t : pool) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while evaluating", e);
                }
            }
            Throwable e = failure.get();
            if (e instanceof RuntimeException r) throw r;
            if (e instanceof Error err) throw err;
            if (e != null) throw new IllegalStateException(e);
        }
    }
}
