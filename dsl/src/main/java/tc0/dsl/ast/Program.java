package tc0.dsl.ast;

import java.util.List;
import java.util.Optional;

/** One source file: declarations in source order. */
public record Program(List<Decl> decls) {
    public Program {
        decls = List.copyOf(decls);
    }

    public List<Decl.Function> functions() {
        return decls.stream().filter(d -> d instanceof Decl.Function).map(d -> (Decl.Function) d).toList();
    }

    public List<Decl.Model> models() {
        return decls.stream().filter(d -> d instanceof Decl.Model).map(d -> (Decl.Model) d).toList();
    }

    public Optional<Decl.Model> model() {
        return models().stream().findFirst();
    }
}
