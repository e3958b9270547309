package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Aggregate groups with weighted members (spec §2.5) and model-list interception (spec §2.9). */
@ExtendWith(SharedGateway.class)
class AggregateAndModelsIT {

    private static long aggregate(Api api, String name, String proxyKey) {
        Api.Resp r = api.post("/api/groups", "{\"name\":\"" + name + "\",\"group_type\":\"aggregate\","
                + "\"channel_type\":\"openai\",\"proxy_keys\":\"" + proxyKey + "\"}");
        assertEquals(200, r.status(), r.body());
        return r.data().getJsonNumber("id").longValue();
    }

    @Test
    void membersServeByWeightAndEmptyMembersAreSkipped(Api api, FakeUpstream up) throws Exception {
        String a = Fixtures.unique("mema");
        String b = Fixtures.unique("memb");
        String c = Fixtures.unique("memc");
        long aId = Fixtures.group(api, a, "openai", up.baseUrl(), "", "");
        long bId = Fixtures.group(api, b, "openai", up.baseUrl(), "", "");
        long cId = Fixtures.group(api, c, "openai", up.baseUrl(), "", "");
        Fixtures.keys(api, aId, "sk-a-" + a);
        Fixtures.keys(api, bId, "sk-b-" + b);
        String agg = Fixtures.unique("agg");
        long aggId = aggregate(api, agg, "pk-" + agg);
        Api.Resp add = api.post("/api/groups/" + aggId + "/sub-groups", "{\"sub_groups\":[{\"group_id\":" + aId
                + ",\"weight\":3},{\"group_id\":" + bId + ",\"weight\":1},{\"group_id\":" + cId + ",\"weight\":50}]}");
        assertEquals(200, add.status(), add.body());

        for (int i = 0; i < 8; i++) {
            HttpResponse<String> r = Fixtures.post(api.gateway(), "/proxy/" + agg + "/v1/chat/completions", "pk-" + agg, "{}");
            assertEquals(200, r.statusCode(), r.body());
        }
        assertEquals(6, up.requests("sk-a-" + a).size());
        assertEquals(2, up.requests("sk-b-" + b).size());
        assertEquals("/v1/chat/completions", up.requests("sk-a-" + a).get(0).path());

        assertEquals(401, Fixtures.post(api.gateway(), "/proxy/" + agg + "/v1/chat/completions", "wrong", "{}").statusCode());
        JsonObject log = RequestLogIT.awaitLogs(api, "parent_group_name=" + agg, 8).getJsonObject(0);
        assertEquals(agg, log.getString("parent_group_name"));
        assertTrue(List.of(a, b).contains(log.getString("group_name")));
    }

    @Test
    void aggregateWithoutActiveMembersIs503(Api api, FakeUpstream up) throws Exception {
        String m = Fixtures.unique("empty");
        long mId = Fixtures.group(api, m, "openai", up.baseUrl(), "", "");
        String agg = Fixtures.unique("agg0");
        long aggId = aggregate(api, agg, "pk-" + agg);
        assertEquals(200, api.post("/api/groups/" + aggId + "/sub-groups",
                "{\"sub_groups\":[{\"group_id\":" + mId + ",\"weight\":1}]}").status());
        HttpResponse<String> r = Fixtures.post(api.gateway(), "/proxy/" + agg + "/v1/chat/completions", "pk-" + agg, "{}");
        assertEquals(503, r.statusCode());
        assertEquals("No available sub-groups", Json.createReader(new StringReader(r.body())).readObject().getString("message"));
    }

    @Test
    void modelListMergesOrReplacesRedirectedNames(Api api, FakeUpstream up) throws Exception {
        String loose = Fixtures.unique("models");
        long id = Fixtures.group(api, loose, "openai", up.baseUrl(), "pk-" + loose,
                ",\"model_redirect_rules\":{\"alias\":\"gpt-x\"}");
        String key = "sk-models-" + loose;
        up.on(key, FakeUpstream.json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-x\",\"object\":\"model\","
                + "\"created\":1,\"owned_by\":\"openai\"}]}"));
        Fixtures.keys(api, id, key);
        HttpResponse<String> r = Fixtures.send(HttpRequest.newBuilder(api.gateway().uri("/proxy/" + loose + "/v1/models"))
                .header("Authorization", "Bearer pk-" + loose).GET());
        assertEquals(200, r.statusCode(), r.body());
        var ids = Json.createReader(new StringReader(r.body())).readObject().getJsonArray("data").stream()
                .map(v -> v.asJsonObject().getString("id")).toList();
        assertEquals(List.of("gpt-x", "alias"), ids);

        assertEquals(200, api.put("/api/groups/" + id, "{\"model_redirect_strict\":true}").status());
        HttpResponse<String> strict = Fixtures.send(HttpRequest.newBuilder(api.gateway().uri("/proxy/" + loose + "/v1/models"))
                .header("Authorization", "Bearer pk-" + loose).GET());
        var strictIds = Json.createReader(new StringReader(strict.body())).readObject().getJsonArray("data").stream()
                .map(v -> v.asJsonObject().getString("id")).toList();
        assertEquals(List.of("alias"), strictIds);
    }
}
