// A concept's type from the shape of its term alone: a heuristic, good enough to colour a graph
// and to pick question templates; an LLM provider gives better types.

const ORGANISM_HEADS = new Set([
  "bacterium", "bacteria", "organism", "microorganism", "microbe", "virus", "fungus", "yeast", "mold", "mould", "archaea", "archaeon",
  "archaean", "protozoan", "alga", "pathogen", "parasite", "species", "strain", "prokaryote", "eukaryote", "host", "plant", "animal",
  "bacteriophage", "phage", "helminth", "worm", "insect", "mosquito", "tick",
]);
const QUANTITY_HEADS = new Set([
  "rate", "price", "cost", "level", "amount", "quantity", "ph", "temperature", "concentration", "ratio", "percentage", "income",
  "wage", "output", "gdp", "value", "index", "revenue", "profit", "tax", "interest", "unemployment", "inflation", "supply",
  "demand", "elasticity", "number", "size", "mass", "volume", "pressure", "speed", "velocity", "density", "yield", "growth",
  "spending", "saving", "savings", "investment", "debt", "deficit", "surplus", "budget", "balance", "capita", "dose",
]);
const PROCESS_HEADS = new Set([
  "cycle", "pathway", "process", "reaction", "respiration", "fermentation", "photosynthesis", "glycolysis", "replication",
  "transcription", "translation", "division", "mitosis", "meiosis", "infection", "transmission", "entry", "exit", "trade",
  "exchange", "production", "consumption", "regulation", "metabolism", "catabolism", "anabolism", "synthesis", "digestion",
  "recession", "expansion", "adjustment", "competition",
]);
const ENTITY_HEADS = new Set([
  "enzyme", "protein", "molecule", "ion", "acid", "cell", "membrane", "organelle", "gene", "chromosome", "ribosome", "compound",
  "firm", "market", "government", "ceiling", "floor", "law", "policy", "program", "bank", "company", "industry", "household", "country", "agency", "institution", "consumer",
  "producer", "worker", "employer", "good", "commodity", "currency", "asset", "bond", "antibody", "antigen", "receptor", "toxin",
  "nutrient", "sugar", "lipid", "carbohydrate", "dna", "rna", "atp", "nadh", "glucose", "pyruvate", "vaccine", "drug", "antibiotic",
]);

// "-ing" words that name things, not processes.
const ING_THINGS = new Set(["ceiling", "building", "thing", "string", "spring", "evening", "morning", "clothing", "housing", "earning", "saving", "meaning", "opening", "setting", "offering", "being", "lining", "coating", "filling"]);

/** One of: organism, quantity, entity, process, property, concept. */
export function classifyConcept(key: string): string {
  const words = key.split(/[\s-]+/);
  const head = words[words.length - 1] ?? key;
  if (ORGANISM_HEADS.has(head) || /(?:phile|coccus|bacter|bacillus|monas|myces|virus|plasma)$/.test(head) || /^[a-z]\. [a-z]+$/.test(key)) return "organism";
  if (QUANTITY_HEADS.has(head) || words.some((w) => w === "rate" || w === "level")) return "quantity";
  if (ENTITY_HEADS.has(head)) return "entity";
  if (PROCESS_HEADS.has(head) || /(?:tion|sion|sis|ment)$/.test(head) || (head.length > 6 && head.endsWith("ing") && !ING_THINGS.has(head))) return "process";
  if (/(?:ity|ness|ance|ence)$/.test(head)) return "property";
  if (/(?:ase|ose|ide|ine|ate|ene|ome|cyte|blast|some)$/.test(head)) return "entity";
  return "concept";
}
