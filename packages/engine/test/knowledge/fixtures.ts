// Textbook-like fixture chunks written for these tests (the corpus sample is not a test dependency).

export const MICROBIOLOGY = `# Cellular Respiration

**Cellular respiration** is a metabolic process that converts glucose into adenosine triphosphate (ATP). **Glycolysis** is the first stage of cellular respiration. Glycolysis produces pyruvate, which enters the mitochondria. Pyruvate oxidation requires pyruvate and produces acetyl-CoA. Acetyl-CoA enters the **Krebs cycle**. The Krebs cycle generates NADH and FADH2. NADH donates electrons to the electron transport chain. The electron transport chain drives ATP synthase, which produces ATP.

If oxygen is absent, cells switch to **fermentation**. Fermentation does not produce ATP through the electron transport chain. Unlike aerobic respiration, fermentation yields only two ATP molecules per glucose.

Most bacteria are **neutrophiles**, meaning they grow best near neutral pH. Acidophiles are microorganisms that grow optimally at low pH. Extreme pH inhibits enzyme activity.
`;

export const ECONOMICS = `## Price Controls

A **price ceiling** is a legal maximum price that a government sets. When the price ceiling is below the equilibrium price, the price ceiling causes a shortage. The shortage leads to black markets. Black markets raise the price of the good for consumers.

A **price floor** is a legal minimum price. A price floor causes a surplus of the good. The surplus reduces the income of producers. A price floor should not be confused with a price ceiling. A price floor does not cause a shortage.

An increase in the price of a good reduces the quantity demanded. Higher wages increase production costs. Higher production costs reduce the supply of the good.

## Glossary

- **price ceiling**: a legal maximum on the price at which a good can be sold
- **price floor**: a legal minimum on the price at which a good can be sold
`;

export const PROCESS = `## How a Vaccine Induces Immunity

Vaccination is a process that protects the body against infection. It works only when the vaccine contains an antigen of the pathogen.

1. The vaccine introduces the antigen into the body.
2. The antigen activates helper T cells.
3. Helper T cells stimulate B cells.
4. B cells produce antibodies.
5. The antibodies neutralize the pathogen.

Finally, memory cells persist after the infection. Vaccines do not cause the disease itself.
`;
