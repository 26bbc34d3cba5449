package tc0.compiler.pipeline;

/**
 * A stage refused a spec: {@link #getMessage()} is the rendered one-line diagnostic ("file:line:col: what is
 * wrong"), ready to print after a {@code tc0: } prefix; never a Java class name.
 */
public class PipelineException extends RuntimeException {
    public PipelineException(String diagnostic) {
        super(diagnostic);
    }

    public PipelineException(String diagnostic, Throwable cause) {
        super(diagnostic, cause);
    }
}
