-- Units are now folded as subjects of kind 'unit' (a dated tree with successors) in subject_facts.
DROP TABLE IF EXISTS units;
