package dev.hpo.xgboost;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The command that starts the built-in XGBoost training job in a JVM of its own.
 *
 * <p>A training job on the bank data lives about a second, and a tuning job starts thousands of them,
 * so everything here favours a short life: the serial collector and the C1 compiler only, no
 * performance-data file, and a class path of just the four jars the job uses (the caller's holds
 * Jackson, Scala and the rest, which the JVM would search on every class it loads). When a
 * {@link ClassDataArchive} exists for that class path, the classes come from it mapped rather than
 * parsed.
 */
public final class TrainingJvm {
    /** One class from each jar the training job needs; {@link NativeLibraryCache} and Booster need the last two. */
    private static final List<String> NEEDED = List.of(TrainingMain.class.getName(), "ml.dmlc.xgboost4j.java.XGBoostJNI",
            "org.apache.commons.logging.LogFactory", "com.esotericsoftware.kryo.KryoSerializable");

    static final List<String> FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xshare:auto");

    private TrainingJvm() {
    }

    /** The command with the lean class path and its class data archive, made now if there is none yet. */
    public static List<String> command() {
        Path java = currentJava();
        String classPath = classPath();
        return command(java, classPath, ClassDataArchive.forTrainingJob(java, classPath));
    }

    /**
     * @param java the {@code java} launcher to run
     * @param archive a class data archive made for this class path by {@link ClassDataArchive}
     */
    public static List<String> command(Path java, String classPath, Optional<Path> archive) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(FLAGS);
        if (archive.isPresent() && Files.isRegularFile(archive.get())) {
            command.add("-XX:SharedArchiveFile=" + archive.get());
        }
        command.add("-cp");
        command.add(classPath);
        command.add(TrainingMain.class.getName());
        return command;
    }

    /** The java launcher of the running JVM. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * The jars (or class directories) holding the classes the training job uses, in a fixed order;
     * the whole class path of this JVM if one of them cannot be located.
     */
    public static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        ClassLoader loader = TrainingJvm.class.getClassLoader();
        for (String name : NEEDED) {
            try {
                CodeSource source = Class.forName(name, false, loader).getProtectionDomain().getCodeSource();
                if (source == null || source.getLocation() == null || !source.getLocation().getProtocol().equals("file")) {
                    return System.getProperty("java.class.path");
                }
                entries.add(Path.of(source.getLocation().toURI()).toString());
            } catch (ClassNotFoundException | URISyntaxException | SecurityException | IllegalArgumentException e) {
                return System.getProperty("java.class.path");
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
