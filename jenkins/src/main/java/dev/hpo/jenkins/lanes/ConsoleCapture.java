package dev.hpo.jenkins.lanes;

import dev.hpo.engine.metric.LogLineSplitter;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.remoting.Channel;
import hudson.remoting.RemoteOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jenkinsci.plugins.workflow.log.TaskListenerDecorator;

/**
 * Copies a body's console output to the tuner. The decorator is applied where the output is written:
 * on the controller it finds its sink by id; when Pipeline sends it to an agent (a {@code sh} step's
 * output is decorated there), it travels with a remoting proxy of the sink instead. When the Pipeline
 * program is saved, only the id is written, since a proxy only exists over a channel.
 */
public final class ConsoleCapture extends TaskListenerDecorator {
    private static final long serialVersionUID = 1L;
    private static final Map<String, Sink> SINKS = new ConcurrentHashMap<>();

    private final String id;
    private final OutputStream remoteSink;

    ConsoleCapture(String id) {
        this(id, null);
    }

    private ConsoleCapture(String id, OutputStream remoteSink) {
        this.id = id;
        this.remoteSink = remoteSink;
    }

    static String open(Consumer<String> lines) {
        String id = UUID.randomUUID().toString();
        SINKS.put(id, new Sink(lines));
        return id;
    }

    static void close(String id) {
        Sink sink = SINKS.remove(id);
        if (sink != null) {
            sink.finish();
        }
    }

    @NonNull
    @Override
    public OutputStream decorate(@NonNull OutputStream logger) {
        OutputStream sink = remoteSink != null ? remoteSink : SINKS.get(id);
        return sink == null ? logger : new Tee(logger, sink);
    }

    /** Over remoting, the sink goes as a proxy; everywhere else, as its id only. */
    private Object writeReplace() {
        Sink sink = SINKS.get(id);
        if (remoteSink == null && sink != null && Channel.current() != null) {
            return new ConsoleCapture(id, new RemoteOutputStream(sink));
        }
        return this;
    }

    private static final class Sink extends OutputStream {
        private final LogLineSplitter lines;

        Sink(Consumer<String> lines) {
            this.lines = new LogLineSplitter(lines);
        }

        @Override
        public synchronized void write(int b) {
            lines.feed(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] buffer, int offset, int length) {
            lines.feed(buffer, offset, length);
        }

        synchronized void finish() {
            lines.finish();
        }
    }

    private static final class Tee extends OutputStream {
        private final OutputStream logger;
        private final OutputStream copy;

        Tee(OutputStream logger, OutputStream copy) {
            this.logger = logger;
            this.copy = copy;
        }

        @Override
        public void write(int b) throws IOException {
            logger.write(b);
            copy.write(b);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            logger.write(buffer, offset, length);
            try {
                copy.write(buffer, offset, length);
            } catch (IOException lost) {
                // the tuner is gone (its build ended); the console itself must go on
            }
        }

        @Override
        public void flush() throws IOException {
            logger.flush();
        }

        @Override
        public void close() throws IOException {
            logger.close();
        }
    }
}
