package io.gptload.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code ANY /proxy/{group}/{path}}: the portable front door (JAX-RS, every runtime), handing
 * every method to {@link ProxyGate}. Application scoped with constructor injection, so a request
 * costs no per-request injection.
 */
@ApplicationScoped
@Path("{group}")
public class ProxyResource {

    private ProxyGate gate;

    protected ProxyResource() {
        // for CDI proxies
    }

    @Inject
    public ProxyResource(ProxyGate gate) {
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    @GET
    @Path("{path: .*}")
    public void get(@PathParam("group") String group, @Context UriInfo uri, @Context HttpHeaders headers,
                    @Context HttpServletRequest req, @Suspended AsyncResponse async) {
        handle("GET", group, uri, headers, req, async);
    }

    @POST
    @Path("{path: .*}")
    public void post(@PathParam("group") String group, @Context UriInfo uri, @Context HttpHeaders headers,
                     @Context HttpServletRequest req, @Suspended AsyncResponse async) {
        handle("POST", group, uri, headers, req, async);
    }

    @PUT
    @Path("{path: .*}")
    public void put(@PathParam("group") String group, @Context UriInfo uri, @Context HttpHeaders headers,
                    @Context HttpServletRequest req, @Suspended AsyncResponse async) {
        handle("PUT", group, uri, headers, req, async);
    }

    @DELETE
    @Path("{path: .*}")
    public void delete(@PathParam("group") String group, @Context UriInfo uri, @Context HttpHeaders headers,
                       @Context HttpServletRequest req, @Suspended AsyncResponse async) {
        handle("DELETE", group, uri, headers, req, async);
    }

    @PATCH
    @Path("{path: .*}")
    public void patch(@PathParam("group") String group, @Context UriInfo uri, @Context HttpHeaders headers,
                      @Context HttpServletRequest req, @Suspended AsyncResponse async) {
        handle("PATCH", group, uri, headers, req, async);
    }

    @HEAD
    @Path("{path: .*}")
    public void head(@PathParam("group") String group, @Context UriInfo uri, @Context HttpHeaders headers,
                     @Context HttpServletRequest req, @Suspended AsyncResponse async) {
        handle("HEAD", group, uri, headers, req, async);
    }

    @OPTIONS
    @Path("{path: .*}")
    public void options(@PathParam("group") String group, @Context UriInfo uri, @Context HttpHeaders headers,
                        @Context HttpServletRequest req, @Suspended AsyncResponse async) {
        handle("OPTIONS", group, uri, headers, req, async);
    }

    private void handle(String method, String group, UriInfo uri, HttpHeaders headers, HttpServletRequest req,
                        AsyncResponse async) {
        // a snapshot: the relay runs on another thread, where the JAX-RS runtime's request
        // objects may no longer answer (RESTEasy's injected HttpHeaders are thread-bound)
        Map<String, List<String>> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.getRequestHeaders().forEach((k, v) -> all.put(k, List.copyOf(v)));
        gate.handle(new ClientCall(method, group, uri.getRequestUri().getRawPath(), uri.getRequestUri().getRawQuery(),
                all, req.getRemoteAddr(), req::getInputStream), new JaxRsReply(async));
    }
}
