"""A small PyTorch model with several activations. Hover an activation to see its curve;
select a printed tensor in tensors.txt to see a layer heatmap."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, width: int, slope: float = 0.2):
        super().__init__()
        self.fc1 = nn.Linear(width, width)
        self.act1 = nn.LeakyReLU(0.2)
        self.fc2 = nn.Linear(width, width)
        self.act2 = nn.GELU(approximate="tanh")
        self.gate = nn.Sigmoid()
        self.clip = nn.Hardtanh(-2, 2)
        self.prelu = nn.PReLU(init=0.1)
        self.soft = nn.Softplus(beta=2, threshold=10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.act1(self.fc1(x))
        h = F.elu(self.fc2(h), alpha=0.5)
        h = h * self.gate(h) + torch.tanh(x)
        return self.clip(F.relu(h + 7))


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(16, 32),
            nn.ReLU(),
            Block(32),
            nn.Linear(32, 32),
            nn.SiLU(),
            nn.Linear(32, 10),
        )

    def forward(self, x):
        logits = self.body(x)
        return F.log_softmax(F.gelu(logits), dim=-1)
