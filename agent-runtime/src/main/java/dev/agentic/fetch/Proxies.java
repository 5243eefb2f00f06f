package dev.agentic.fetch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The proxy the environment names ({@code https_proxy} / {@code HTTPS_PROXY}, {@code http_proxy} for http
 * URLs, {@code no_proxy} exceptions; loopback never proxied), as command-line tools read it; Java's own
 * proxy properties when none is set.
 */
final class Proxies {

    private Proxies() {}

    static ProxySelector fromEnvironment() {
        String https = env("https_proxy");
        String http = env("http_proxy");
        if (https == null && http == null) {
            return ProxySelector.getDefault();
        }
        List<String> exceptions = env("no_proxy") == null ? List.of()
                : Arrays.stream(env("no_proxy").split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)).toList();
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                String host = String.valueOf(uri.getHost()).toLowerCase(Locale.ROOT);
                String proxy = "https".equalsIgnoreCase(uri.getScheme()) ? https : http;
                if (proxy == null || host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1")
                        || exceptions.stream().anyMatch(e -> e.equals("*") || host.equals(e.replaceFirst("^\\.", "")) || host.endsWith(e.startsWith(".") ? e : "." + e))) {
                    return List.of(Proxy.NO_PROXY);
                }
                URI address = URI.create(proxy.contains("://") ? proxy : "http://" + proxy);
                return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(address.getHost(), address.getPort() < 0 ? 80 : address.getPort())));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
                // the request reports the failure
            }
        };
    }

    private static String env(String lower) {
        String value = System.getenv(lower);
        if (value == null || value.isBlank()) {
            value = System.getenv(lower.toUpperCase(Locale.ROOT));
        }
        return value == null || value.isBlank() ? null : value.strip();
    }
}
