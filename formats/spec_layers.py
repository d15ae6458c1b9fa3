"""A layered Vega-Lite spec written once per channel instead of once per layer: the same chart, less than half the
text.

Altair writes a layered chart's shared encoding (the date axis with its formats, the value axis, the tooltip) into
every layer: a threshold panel's eight layers made 8 KB of JSON, which the page serialises, hashes and sends on
every run and the browser parses before it draws. Vega-Lite lets a layered spec name an encoding once, above its
layers, and each layer inherits it channel by channel, its own channel replacing the inherited one; so hoisting
the value most layers give a channel changes nothing that is drawn. Kept as it is wherever hoisting could change
the chart: a channel that some layer leaves out is hoisted only when leaving it out is the same as naming it
"none" (the tooltip), and a spec that already has an encoding above its layers is left alone.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

# Channels a layer may turn off by naming them null: leaving the tooltip out of a layer and naming it null both
# mean "no tooltip" for that layer's marks.
NULLABLE = frozenset({"tooltip"})


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


def _hoisted(layers: list[dict[str, Any]]) -> dict[str, Any]:
    """Per channel, the definition most layers share (two or more), where hoisting it is safe."""
    encodings = [layer.get("encoding", {}) for layer in layers]
    shared: dict[str, Any] = {}
    for channel in sorted({name for encoding in encodings for name in encoding}):
        given = [_key(encoding[channel]) for encoding in encodings if channel in encoding]
        value, count = Counter(given).most_common(1)[0]
        if count < 2 or (len(given) < len(layers) and channel not in NULLABLE):
            continue
        shared[channel] = json.loads(value)
    return shared


def shared_encodings(spec: dict[str, Any]) -> dict[str, Any]:
    """The same chart with each channel that its layers share named once above them (nested layers too)."""
    layers = spec.get("layer")
    if not isinstance(layers, list) or not layers or "encoding" in spec:
        return spec
    layers = [shared_encodings(layer) for layer in layers]
    shared = _hoisted(layers)
    if not shared:
        return {**spec, "layer": layers}
    written = {channel: _key(value) for channel, value in shared.items()}
    compact = []
    for layer in layers:
        own = dict(layer.get("encoding", {}))
        for channel in shared:
            if channel not in own:
                own[channel] = None  # only a nullable channel gets here: it stays off for this layer
            elif _key(own[channel]) == written[channel]:
                del own[channel]
        rest = {key: value for key, value in layer.items() if key != "encoding"}
        compact.append({**rest, "encoding": own} if own else rest)
    return {**spec, "encoding": shared, "layer": compact}
