package tc0.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tc0.compiler.pipeline.Pipeline;
import tc0.dsl.CheckResult;
import tc0.dsl.CheckedModel;
import tc0.dsl.ast.Printer;
import tc0.dsl.ast.SizeEvalException;
import tc0.dsl.ast.SizeExprs;
import tc0.dsl.ast.SizeExpr;
import tc0.dsl.ast.Stmt;
import tc0.dsl.check.Binding;
import tc0.dsl.check.Type;

/** {@code tc0 parse FILE... [--set n=8]}: checks architecture specs and prints each checked model. */
@Command(name = "parse",
        header = "Parse and check architecture specs (.tc0); print the checked model.",
        mixinStandardHelpOptions = true,
        description = {
            "Parse and check architecture specs (.tc0) and print each checked model: its parameters and their "
                    + "values, the precision, inputs, weights, every binding with its symbolic shape and its "
                    + "concrete shape for the parameter values, outputs and asserted bounds.",
            "Errors are printed as file:line:col: message with the source line and a caret; exit code 2.",
            "A spec is UTF-8 text of at most 4 MiB (raise it with TC0_JAVA_OPTS=-Dtc0.maxSpecBytes=16M); at most 50 errors"
                    + " are printed per file, and nesting deeper than 200 levels is refused (docs/LANGUAGE.md, 'Bounds on input')."},
        footer = {"", "Examples:",
            "  tc0 parse examples/rope_transformer.tc0",
            "  tc0 parse examples/mamba.tc0 --set n=16 --set layers=4",
            "  tc0 parse examples/ --time        (every .tc0 file in the directory)",
            "", "The language is described in docs/LANGUAGE.md."})
public final class ParseCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "spec files, or directories of .tc0 files")
    List<Path> files = new ArrayList<>();

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "give a model parameter an integer value instead of its default (repeatable)")
    List<String> sets = new ArrayList<>();

    @Option(names = "--time", description = "print how long parsing and checking took, in-process, to stderr")
    boolean time;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, Long> values = values(sets);
        List<Path> inputs = expand(files);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean failed = false;
        long nanos = 0;
        for (Path file : inputs) {
            String source = SpecCompiler.read(file);
            long start = System.nanoTime();
            CheckResult r = check(source, file.toString(), values);
            nanos += System.nanoTime() - start;
            if (r.ok()) {
                print(r.orElseThrow(), out);
            } else {
                err.println(r.render());
                failed = true;
            }
        }
        if (time) {
            err.printf("tc0: parsed and checked %d file(s) in %.1f ms%n", inputs.size(), nanos / 1e6);
        }
        out.flush();
        err.flush();
        return failed ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }

    static CheckResult check(String source, String name, Map<String, Long> values) {
        return SpecCompiler.user(() -> Pipeline.check(source, name, values));
    }

    static Map<String, Long> values(List<String> sets) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0 || !s.substring(0, eq).matches("[A-Za-z_][A-Za-z_0-9]*")) {
                throw new UserError("--set " + s + ": expected NAME=VALUE, e.g. --set n=8");
            }
            long value;
            try {
                value = Long.parseLong(s.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                throw new UserError("--set " + s + ": the value must be an integer");
            }
            String name = s.substring(0, eq);
            if (out.containsKey(name)) { // last-wins would hide a typo in a long command line
                throw new UserError("--set " + s + ": '" + name + "' is already set by --set " + name + "=" + out.get(name)
                        + "; give each parameter once");
            }
            out.put(name, value);
        }
        return out;
    }

    private static List<Path> expand(List<Path> files) {
        List<Path> out = new ArrayList<>();
        for (Path f : files) {
            if (Files.isDirectory(f)) {
                try (Stream<Path> s = Files.list(f)) {
                    List<Path> specs = s.filter(p -> p.toString().endsWith(".tc0")).sorted().toList();
                    if (specs.isEmpty()) {
                        throw new UserError(f + ": no .tc0 files in this directory");
                    }
                    out.addAll(specs);
                } catch (IOException e) {
                    throw new UserError(f + ": cannot list the directory (" + e.getMessage() + ")");
                }
            } else if (!Files.exists(f)) {
                throw new UserError(f + ": no such file or directory");
            } else {
                out.add(f);
            }
        }
        return out;
    }

    private static void print(CheckedModel m, PrintWriter out) {
        Map<String, Long> v = m.parameterValues();
        out.println("model " + m.name() + "  (" + m.file() + ")");
        out.println("  parameters: " + m.params().stream().map(p -> p.name()
                + (v.containsKey(p.name()) ? " = " + v.get(p.name()) : " (no value)")
                + p.defaultValue().map(d -> "  [default " + Printer.size(d) + "]").orElse("")).collect(Collectors.joining(", ")));
        out.println("  precision: " + switch (m.precision()) {
            case Stmt.Precision.Fixed p -> "fixed(int: " + Printer.size(p.intBits()) + ", frac: " + Printer.size(p.fracBits()) + ")"
                    + (v.isEmpty() ? "" : " = fixed(int: " + value(p.intBits(), v) + ", frac: " + value(p.fracBits(), v) + ")");
            case Stmt.Precision.Float p -> "float(p: " + Printer.size(p.significandBits()) + ", e: " + Printer.size(p.exponentBits()) + ")"
                    + (v.isEmpty() ? "" : " = float(p: " + value(p.significandBits(), v) + ", e: " + value(p.exponentBits(), v) + ")");
        });
        out.println("  bindings:");
        for (Binding b : m.bindings()) {
            String concrete = m.concreteShapes(b).stream().map(Object::toString).collect(Collectors.joining(" "));
            out.printf("    %-16s %-7s %-10s %-22s %s%n", b.scope(), role(b), b.name(), shape(b.type()), concrete);
        }
        out.println("  outputs: " + m.outputs().stream().map(Stmt.Output::name).collect(Collectors.joining(", ")));
        out.println("  asserts:");
        for (Stmt.Assert a : m.asserts()) {
            out.println("    " + a.metric().text() + " <= " + Printer.size(a.bound())
                    + (v.isEmpty() ? "" : " = " + boundValue(a.bound(), v)));
        }
    }

    private static String role(Binding b) {
        return b.role().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String shape(Type t) {
        return t.toString();
    }

    private static String boundValue(SizeExpr e, Map<String, Long> v) {
        try {
            long b = SizeExprs.evalBound(e, v);
            return b == Long.MAX_VALUE ? "beyond 2^63" : Long.toString(b);
        } catch (SizeEvalException ex) {
            return "? (" + ex.getMessage() + ")";
        }
    }

    private static String value(SizeExpr e, Map<String, Long> v) {
        try {
            return Long.toString(CheckedModel.eval(e, v));
        } catch (SizeEvalException ex) {
            return "? (" + ex.getMessage() + ")";
        }
    }
}
