# Generates examples/tensors.txt by really printing with numpy and torch (run: /usr/bin/python3 scripts/gen_examples.py from examples/).
import numpy as np, torch
np.random.seed(7); torch.manual_seed(7)
out = []
out.append("# Printed tensors: select one (brackets included) and run\n#   Activation Lens: Show Layer Activation Heatmap for Selection\n")
out.append("\n# numpy repr: pre-activations of a layer, 6 samples x 8 units (unit 2 has a large negative bias: it is dead after ReLU)\n")
a = np.random.randn(6, 8).astype(np.float32); a[:, 2] -= 4.0
out.append(repr(a) + "\n")
out.append("\n# numpy str\n")
out.append(str(np.round(np.random.randn(3, 4), 3)) + "\n")
out.append("\n# torch tensor with grad\n")
t = torch.randn(4, 5, requires_grad=True) * 2
out.append(repr(t) + "\n")
out.append("\n# a 1-D torch tensor\n")
out.append(repr(torch.linspace(-3, 3, 9)) + "\n")
out.append("\n# JSON list\n")
out.append(str([[round(float(v), 3) for v in row] for row in np.random.randn(3, 6)]).replace("'", '"') + "\n")
out.append("\n# CSV block with a header\n")
rows = np.random.randn(4, 3)
out.append("unit_a,unit_b,unit_c\n" + "\n".join(",".join(f"{v:.4f}" for v in r) for r in rows) + "\n")
open("tensors.txt", "w").write("".join(out))
