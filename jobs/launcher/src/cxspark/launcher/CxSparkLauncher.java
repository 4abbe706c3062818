package cxspark.launcher;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkFiles;

/**
 * Runs a CxSpark job executable inside a Spark driver: starts Spark Connect on 127.0.0.1 with a random port and token,
 * runs the child with SPARK_REMOTE pointing at it, streams the child's output into the driver log, stops Spark Connect
 * and exits with the child's exit code. Works in client and cluster deploy mode; executors need no .NET.
 *
 * Usage: spark-submit --class cxspark.launcher.CxSparkLauncher cxspark-launcher.jar EXECUTABLE [ARGS...]
 * A relative EXECUTABLE is looked up as given, then in the unpacked archive folder "app/" (--archives app.tar.gz#app) of
 * the working directory (YARN) or of SparkFiles' root directory (standalone, local, Kubernetes).
 */
public final class CxSparkLauncher {
  private static final long STOP_GRACE_SECONDS = 30;
  private static final String SERVICE = "org.apache.spark.sql.connect.service.SparkConnectService$";

  private CxSparkLauncher() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("cxspark-launcher: usage: spark-submit --class cxspark.launcher.CxSparkLauncher cxspark-launcher.jar EXECUTABLE [ARGS...]");
      System.exit(2);
    }
    int port = freePort();
    String token = randomToken();

    SparkConf conf = new SparkConf()
        .set("spark.connect.grpc.binding.address", "127.0.0.1")
        .set("spark.connect.grpc.binding.port", Integer.toString(port))
        .set("spark.connect.grpc.port.maxRetries", "0")
        .set("spark.connect.authenticate.token", token);
    SparkContext sc = SparkContext.getOrCreate(conf);
    File checkpoints = checkpointDirectory(sc);
    File executable = resolve(args[0]);
    Object service = Class.forName(SERVICE).getField("MODULE$").get(null);
    service.getClass().getMethod("start", SparkContext.class).invoke(service, sc);
    log("Spark Connect started on 127.0.0.1:" + port + " for " + executable);

    List<String> command = new ArrayList<>();
    command.add(executable.getAbsolutePath());
    command.addAll(Arrays.asList(args).subList(1, args.length));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("SPARK_REMOTE", "sc://127.0.0.1:" + port + "/;token=" + token + ";use_ssl=false");
    Process child = builder.start();
    // SIGTERM to spark-submit (a scheduler, Kubernetes, systemd) is forwarded to the job as SIGTERM; the job interrupts its
    // Spark operations, marks its manifest cancelled and exits 143 within its own grace of 25 s. The hook waits for that
    // (bounded), then kills what is left.
    Thread killer = new Thread(() -> {
      if (child.isAlive()) {
        log("driver is shutting down: sending SIGTERM to the job process and waiting up to " + STOP_GRACE_SECONDS + " s");
        child.destroy();
        try {
          if (!child.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
            log("the job process did not stop in time: killing it");
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
          }
        } catch (InterruptedException e) {
          child.destroyForcibly();
          Thread.currentThread().interrupt();
        }
      }
    });
    Runtime.getRuntime().addShutdownHook(killer);

    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        System.out.println(line);
      }
    }
    int exit = child.waitFor();
    log("job exited with code " + exit);
    Runtime.getRuntime().removeShutdownHook(killer);

    stop(service);
    sc.stop();
    if (checkpoints != null) {
      delete(checkpoints);
    }
    System.exit(exit);
  }

  /**
   * Iterative MLlib fits (ALS) checkpoint their state every few iterations to cut the lineage, but only with a checkpoint
   * directory. Without spark.checkpoint.dir, a local master gets a temporary one (returned, deleted at the end); on a
   * cluster the directory must be on a shared file system, so the driver log says how to set it instead of guessing.
   */
  private static File checkpointDirectory(SparkContext sc) throws IOException {
    if (sc.getCheckpointDir().isDefined()) {
      return null;
    }
    if (!sc.isLocal()) {
      log("spark.checkpoint.dir is not set: ALS runs without checkpoints; pass --conf spark.checkpoint.dir=<shared path, e.g. hdfs://…>");
      return null;
    }
    File directory = Files.createTempDirectory("cxspark-checkpoints-").toFile();
    sc.setCheckpointDir(directory.getAbsolutePath());
    return directory;
  }

  private static void delete(File file) {
    File[] children = file.listFiles();
    if (children != null) {
      for (File child : children) {
        delete(child);
      }
    }
    if (!file.delete() && file.exists()) {
      log("could not delete " + file);
    }
  }

  private static void stop(Object service) {
    try {
      Class<?> option = Class.forName("scala.Option");
      Object none = Class.forName("scala.None$").getField("MODULE$").get(null);
      Method stop = service.getClass().getMethod("stop", option, option);
      stop.invoke(service, none, none);
    } catch (ReflectiveOperationException e) {
      log("could not stop Spark Connect cleanly: " + e);
    }
  }

  // YARN unpacks --archives into the container's working directory; elsewhere (standalone, local) the driver unpacks
  // spark.archives under SparkFiles' root directory.
  private static File resolve(String name) {
    List<File> candidates = List.of(new File(name), new File("app", name), new File(SparkFiles.getRootDirectory(), "app/" + name));
    for (File candidate : candidates) {
      if (candidate.isFile() && candidate.canExecute()) {
        return candidate;
      }
    }
    System.err.println("cxspark-launcher: no executable " + name + " (looked for " + candidates + ")");
    System.exit(2);
    return candidates.get(0);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String randomToken() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static void log(String message) {
    System.err.println("cxspark-launcher: " + message);
  }
}
