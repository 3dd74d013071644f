package dev.gosetup.doctor;

import dev.gosetup.fetch.UrlCredentials;
import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.Problems;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Can the release list and the file host be reached through the configured proxy? One HEAD request each;
 * any HTTP answer counts (a 404 on a folder still proves the way is open). A failure is put in words: DNS,
 * a refused or timed-out connection (a firewall or a missing proxy), a TLS failure (a TLS-inspecting proxy).
 */
public final class Reachability {
    /** @param problem null when the host answered */
    public record Result(String url, Problem problem) {}

    private Reachability() {}

    public static List<Result> probe(HttpClient client, List<URI> urls) {
        List<Result> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (URI url : urls) {
            if (url == null || !"https".equalsIgnoreCase(url.getScheme()) && !"http".equalsIgnoreCase(url.getScheme())
                    || !seen.add(url.getScheme() + "://" + url.getAuthority())) {
                continue; // local files need no network; one request per host is enough
            }
            try {
                HttpRequest request = UrlCredentials.of(url).request(url).method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .timeout(Duration.ofSeconds(10)).header("User-Agent", "gosetup").build();
                client.send(request, HttpResponse.BodyHandlers.discarding());
                out.add(new Result(url.toString(), null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.add(new Result(url.toString(), Problem.of("error.interrupted")));
            } catch (java.io.IOException e) {
                out.add(new Result(url.toString(), Problems.of(e)));
            }
        }
        return out;
    }
}
