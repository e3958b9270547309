package io.gptload.upstream;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which target hosts bypass the environment's proxy, with the rules of Go's
 * {@code ProxyFromEnvironment}: {@code localhost} and loopback addresses always; then each
 * {@code NO_PROXY} entry, which is {@code *} (everything), an IP or CIDR, or a domain
 * ({@code example.com} matches it and its subdomains, {@code .example.com} and
 * {@code *.example.com} only subdomains), each optionally with {@code :port}.
 */
public final class NoProxyRules {

    private final boolean all;
    private final List<IpPattern> ips;
    private final List<DomainPattern> domains;

    private NoProxyRules(boolean all, List<IpPattern> ips, List<DomainPattern> domains) {
        this.all = all;
        this.ips = List.copyOf(ips);
        this.domains = List.copyOf(domains);
    }

    /** Parses a comma-separated {@code NO_PROXY} value; malformed entries are ignored. */
    public static NoProxyRules parse(String noProxy) {
        List<IpPattern> ips = new ArrayList<>();
        List<DomainPattern> domains = new ArrayList<>();
        for (String raw : (noProxy == null ? "" : noProxy).split(",")) {
            String p = raw.strip().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            if (p.equals("*")) {
                return new NoProxyRules(true, List.of(), List.of());
            }
            IpPattern.cidr(p).ifPresentOrElse(ips::add, () -> {
                String[] hp = HostPort.split(p);
                IpPattern.ip(hp[0], hp[1]).ifPresentOrElse(ips::add, () -> {
                    if (!hp[0].isEmpty()) {
                        domains.add(DomainPattern.of(hp[0], hp[1]));
                    }
                });
            });
        }
        return new NoProxyRules(false, ips, domains);
    }

    /** Whether a request to {@code host:port} goes direct. */
    public boolean bypass(String host, int port) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost")) {
            return true;
        }
        byte[] address = IpPattern.literal(h).orElse(null);
        if (address != null && IpPattern.loopback(address)) {
            return true;
        }
        if (all) {
            return true;
        }
        String p = Integer.toString(port);
        if (address != null && ips.stream().anyMatch(m -> m.matches(address, p))) {
            return true;
        }
        String ascii = h;
        return domains.stream().anyMatch(m -> m.matches(ascii, p));
    }

    /** A domain entry: {@code suffix} starts with a dot; {@code alsoExact} when the entry had none. */
    private record DomainPattern(String suffix, boolean alsoExact, String port) {
        static DomainPattern of(String host, String port) {
            String h = host.startsWith("*.") ? host.substring(1) : host;
            boolean exact = !h.startsWith(".");
            String suffix = exact ? "." + h : h;
            try {
                suffix = IDN.toASCII(suffix).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException keep) {
                // not convertible: compare as written
            }
            return new DomainPattern(suffix, exact, port);
        }

        boolean matches(String host, String targetPort) {
            boolean hostMatches = host.endsWith(suffix) || (alsoExact && host.equals(suffix.substring(1)));
            return hostMatches && (port.isEmpty() || port.equals(targetPort));
        }
    }

    /** Splits {@code host:port} / {@code [v6]:port}; no port gives an empty one. */
    private static final class HostPort {
        private HostPort() {
        }

        static String[] split(String p) {
            if (p.startsWith("[")) {
                int close = p.indexOf(']');
                if (close > 0 && (close == p.length() - 1 || p.charAt(close + 1) == ':')) {
                    String port = close == p.length() - 1 ? "" : p.substring(close + 2);
                    return new String[] {p.substring(1, close), port};
                }
                return new String[] {p, ""};
            }
            int colon = p.indexOf(':');
            if (colon >= 0 && colon == p.lastIndexOf(':')) {
                return new String[] {p.substring(0, colon), p.substring(colon + 1)};
            }
            return new String[] {p, ""};
        }
    }
}
