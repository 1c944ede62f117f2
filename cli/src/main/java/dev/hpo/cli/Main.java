package dev.hpo.cli;

import dev.hpo.xgboost.XGBoostMessages;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.PrintStream;
import java.nio.file.FileSystemException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code hpo} command line: dispatches to one command per verb. */
public final class Main {
    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        for (Command command : List.of(new TuneCommand(out, err), new DescribeCommand(out), new ListTrainingJobsCommand(out),
                new StopCommand(out, err), new TestMetricsCommand(out, err), new EvaluateCommand(out), new PredictCommand(out), new PrepareExampleCommand(out),
                new ReportCommand(out),
                new GateCommand(out, err),
                new PromoteCommand(out),
                new ServeCommand(out, err))) {
            commands.put(command.name(), command);
        }
    }

    public static void main(String[] args) {
        int code = new Main(System.out, System.err).run(Arrays.asList(args));
        System.out.flush();
        System.exit(code);
    }

    int run(List<String> args) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            usage(args.isEmpty() ? err : out);
            return args.isEmpty() ? 2 : 0;
        }
        Command command = commands.get(args.get(0));
        if (command == null) {
            err.println("error: unknown command '" + args.get(0) + "'");
            usage(err);
            return 2;
        }
        List<String> rest = new ArrayList<>(args.subList(1, args.size()));
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println("usage: hpo " + command.usage());
            return 0;
        }
        try {
            return command.run(Arguments.parse(rest, command.valueOptions(), command.flags()));
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("usage: hpo " + command.usage());
            return 2;
        } catch (XGBoostError e) {
            err.println("error: XGBoost: " + XGBoostMessages.oneLine(e));
            return 1;
        } catch (FileSystemException e) {
            err.println("error: " + FileSystemProblem.describe(e));
            return 1;
        } catch (Exception e) {
            err.println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
    }

    private void usage(PrintStream stream) {
        stream.println("usage: hpo <command> [arguments]   (hpo <command> --help for one command)");
        for (Command command : commands.values()) {
            stream.println("  " + command.usage().replace("\n", "\n  "));
        }
    }
}
