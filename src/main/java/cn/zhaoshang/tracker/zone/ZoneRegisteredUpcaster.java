package cn.zhaoshang.tracker.zone;

import cn.zhaoshang.tracker.zone.api.ZoneRegistered;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads a stored {@link ZoneRegistered} of revision 1, written before zones had a province, as revision 2 with the
 * province {@code tracker.default-province}: until then every zone was one of that province. The stored event stays
 * as it was (the history and its hash chain are never rewritten); Axon's Spring Boot configuration puts every
 * upcaster bean into the chain that reads events. Public for the fixture test of every stored revision.
 */
@Component
public class ZoneRegisteredUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(ZoneRegistered.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(ZoneRegistered.class.getName(), "2");

    private final String defaultProvince;

    public ZoneRegisteredUpcaster(@Value("${tracker.default-province}") String defaultProvince) {
        this.defaultProvince = defaultProvince;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(
                REVISION_2, JsonNode.class, payload -> ((ObjectNode) payload).put("province", defaultProvince));
    }
}
