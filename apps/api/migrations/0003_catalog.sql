-- Procedure catalog: procedures, immutable versions, review flags, per-center offerings, imports.
CREATE TABLE "procedures" (
	"code" text PRIMARY KEY NOT NULL CHECK ("code" ~ '^\d{1,2}\.\d{6}(\.[A-Z0-9]{1,10})?$'),
	"created_at" timestamp with time zone NOT NULL,
	"retired_at" timestamp with time zone,
	-- Shortcut for search: the version in force when last published, and when a later one takes over.
	"current_version_id" uuid,
	"next_version_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "procedure_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL REFERENCES "procedures"("code"),
	"version" integer NOT NULL CHECK ("version" >= 1),
	"effective_from" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" uuid REFERENCES "users"("id"),
	"source" text NOT NULL CHECK ("source" IN ('seed', 'import', 'edit')),
	"change_note" text NOT NULL,
	"content" jsonb NOT NULL,
	"name" text NOT NULL,
	"sector" text NOT NULL,
	"levels" text[] NOT NULL,
	"online_level" text NOT NULL CHECK ("online_level" IN ('full', 'partial', 'none')),
	"boundary_free" boolean NOT NULL,
	"search_name" text NOT NULL,
	"search_text" text NOT NULL,
	"search_tsv" tsvector NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "procedure_versions_code_version_uq" ON "procedure_versions" ("code", "version");
--> statement-breakpoint
CREATE INDEX "procedure_versions_current_idx" ON "procedure_versions" ("code", "effective_from", "version");
--> statement-breakpoint
-- fastupdate off: a bulk import must not leave thousands of entries in the pending list that
-- every search would then scan.
CREATE INDEX "procedure_versions_search_idx" ON "procedure_versions" USING gin ("search_tsv") WITH (fastupdate = off);
--> statement-breakpoint
CREATE INDEX "procedures_current_version_idx" ON "procedures" ("current_version_id");
--> statement-breakpoint
-- Only procedures with a version still to take effect; keeps the by-date branch of the search tiny.
CREATE INDEX "procedures_next_version_idx" ON "procedures" ("next_version_at") WHERE "next_version_at" IS NOT NULL;
--> statement-breakpoint
-- Every word of the catalog with its one-letter deletions (SymSpell): finds words within one
-- typo by index lookups instead of computing trigrams over every procedure per query.
CREATE TABLE "catalog_terms" (
	"variant" text NOT NULL,
	"term" text NOT NULL,
	PRIMARY KEY ("variant", "term")
);
--> statement-breakpoint
-- Versions are immutable: a dossier pinned to a version id must always see what it was received under.
CREATE FUNCTION procedure_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'procedure versions are immutable; publish a new version instead';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "procedure_versions_no_update" BEFORE UPDATE OR DELETE ON "procedure_versions"
	FOR EACH ROW EXECUTE FUNCTION procedure_versions_immutable();
--> statement-breakpoint
CREATE TABLE "procedure_flags" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL REFERENCES "procedures"("code"),
	"version_id" uuid NOT NULL REFERENCES "procedure_versions"("id"),
	"field" text NOT NULL,
	"message" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid REFERENCES "users"("id"),
	"resolution" text CHECK ("resolution" IN ('confirmed', 'edited', 'superseded')),
	"note" text,
	CONSTRAINT "procedure_flags_resolved_ck" CHECK (("resolved_at" IS NULL) = ("resolution" IS NULL))
);
--> statement-breakpoint
CREATE INDEX "procedure_flags_open_idx" ON "procedure_flags" ("code", "resolved_at");
--> statement-breakpoint
CREATE TABLE "center_procedures" (
	"province_code" text NOT NULL,
	"center_id" uuid NOT NULL REFERENCES "centers"("id"),
	"code" text NOT NULL REFERENCES "procedures"("code"),
	"service_group_id" uuid NOT NULL REFERENCES "service_groups"("id"),
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid REFERENCES "users"("id"),
	PRIMARY KEY ("center_id", "code")
);
--> statement-breakpoint
CREATE INDEX "center_procedures_code_idx" ON "center_procedures" ("code");
--> statement-breakpoint
CREATE TABLE "catalog_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL CHECK ("format" IN ('csv', 'json')),
	"mode" text NOT NULL CHECK ("mode" IN ('partial', 'full')),
	"status" text NOT NULL CHECK ("status" IN ('previewed', 'applied', 'stale')),
	"effective_from" timestamp with time zone NOT NULL,
	"plan" jsonb NOT NULL,
	"base_revision" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL REFERENCES "users"("id"),
	"applied_at" timestamp with time zone
);
--> statement-breakpoint
-- The versions in force at an instant: through each procedure's pointer, or, for the few whose
-- later version took effect after the pointer was set, by effective date.
CREATE FUNCTION catalog_in_force(p_at timestamptz) RETURNS SETOF procedure_versions LANGUAGE sql STABLE AS $$
	SELECT v.* FROM procedure_versions v JOIN procedures p ON p.current_version_id = v.id
	WHERE (p.next_version_at IS NULL OR p.next_version_at > p_at) AND (p.retired_at IS NULL OR p.retired_at > p_at)
	UNION ALL
	SELECT * FROM (
		SELECT DISTINCT ON (v.code) v.* FROM procedure_versions v JOIN procedures p ON p.code = v.code
		WHERE p.next_version_at <= p_at AND v.effective_from <= p_at AND (p.retired_at IS NULL OR p.retired_at > p_at)
		ORDER BY v.code, v.effective_from DESC, v.version DESC
	) moved
$$;
--> statement-breakpoint
-- Catalog search (see search.repo.ts for the method). In PL/pgSQL so each session plans these
-- queries once: on the embedded database planning costs more than running them.
CREATE FUNCTION catalog_list(
	p_at timestamptz, p_sector text, p_level text, p_online text, p_center uuid, p_limit integer, p_offset integer
) RETURNS TABLE (
	id uuid, code text, version integer, name text, sector text, levels text[], online_level text, boundary_free boolean, total bigint
) LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
	RETURN QUERY
	SELECT v.id, v.code, v.version, v.name, v.sector, v.levels, v.online_level, v.boundary_free, count(*) OVER ()
	FROM catalog_in_force(p_at) v
	WHERE (p_sector IS NULL OR v.sector = p_sector) AND (p_level IS NULL OR p_level = ANY (v.levels))
		AND (p_online IS NULL OR v.online_level = p_online)
		AND (p_center IS NULL OR EXISTS (SELECT 1 FROM center_procedures o WHERE o.center_id = p_center AND o.code = v.code))
	ORDER BY v.search_name COLLATE "C", v.code
	LIMIT p_limit OFFSET p_offset;
END;
$$;
--> statement-breakpoint
-- enable_seqscan off: the planner prefers reading every row's tsvector to the GIN index on a
-- table this small, which is several times slower on the embedded database.
-- Exact words first; the one-typo query only when the exact one matches nothing.
CREATE FUNCTION catalog_search(
	p_at timestamptz, p_q text, p_qn text, p_exact text, p_fuzzy text,
	p_sector text, p_level text, p_online text, p_center uuid,
	p_pool integer, p_limit integer, p_offset integer
) RETURNS TABLE (
	id uuid, code text, version integer, name text, sector text, levels text[], online_level text, boundary_free boolean, total bigint
) LANGUAGE plpgsql STABLE SET enable_seqscan = off AS $$
#variable_conflict use_column
DECLARE
	v_tsq text;
BEGIN
	FOREACH v_tsq IN ARRAY ARRAY[p_exact, p_fuzzy] LOOP
		CONTINUE WHEN v_tsq = '';
		PERFORM 1 FROM catalog_in_force(p_at) v
		WHERE (v.search_tsv @@ to_tsquery('simple', v_tsq) OR v.code = p_q)
			AND (p_sector IS NULL OR v.sector = p_sector) AND (p_level IS NULL OR p_level = ANY (v.levels))
			AND (p_online IS NULL OR v.online_level = p_online)
			AND (p_center IS NULL OR EXISTS (SELECT 1 FROM center_procedures o WHERE o.center_id = p_center AND o.code = v.code))
		LIMIT 1;
		CONTINUE WHEN NOT FOUND;
		RETURN QUERY
		SELECT h.id, h.code, h.version, h.name, h.sector, h.levels, h.online_level, h.boundary_free, h.total FROM (
			SELECT v.id, v.code, v.version, v.name, v.sector, v.levels, v.online_level, v.boundary_free, v.search_name, count(*) OVER () AS total
			FROM catalog_in_force(p_at) v
			WHERE (v.search_tsv @@ to_tsquery('simple', v_tsq) OR v.code = p_q)
				AND (p_sector IS NULL OR v.sector = p_sector) AND (p_level IS NULL OR p_level = ANY (v.levels))
				AND (p_online IS NULL OR v.online_level = p_online)
				AND (p_center IS NULL OR EXISTS (SELECT 1 FROM center_procedures o WHERE o.center_id = p_center AND o.code = v.code))
			ORDER BY CASE WHEN v.code = p_q THEN 0 WHEN starts_with(v.search_name, p_qn) THEN 1 WHEN strpos(v.search_name, p_qn) > 0 THEN 2 ELSE 3 END,
				length(v.search_name), v.code
			LIMIT p_pool
		) h
		ORDER BY similarity(p_qn, h.search_name)
			+ CASE WHEN h.search_name = p_qn THEN 2 WHEN starts_with(h.search_name, p_qn) THEN 1 WHEN strpos(h.search_name, p_qn) > 0 THEN 0.5 ELSE 0 END
			+ CASE WHEN h.code = p_q THEN 5 ELSE 0 END DESC,
			length(h.search_name), h.code
		LIMIT p_limit OFFSET p_offset;
		RETURN;
	END LOOP;
END;
$$;
--> statement-breakpoint
-- The whole text search in one call (one round trip, cached plans): fold the query like the
-- catalog text, build the exact query (every word as written, the last also as a prefix) and the
-- one-typo query (each word widened to the catalog words one deletion away; short words keep
-- their first letter; words matching nothing are dropped), then run catalog_search.
CREATE FUNCTION catalog_find(
	p_at timestamptz, p_q text,
	p_sector text, p_level text, p_online text, p_center uuid,
	p_pool integer, p_limit integer, p_offset integer
) RETURNS TABLE (
	id uuid, code text, version integer, name text, sector text, levels text[], online_level text, boundary_free boolean, total bigint
) LANGUAGE plpgsql STABLE SET enable_seqscan = off AS $$
#variable_conflict use_column
DECLARE
	v_qn text := lower(f_unaccent(p_q));
	v_words text[];
	v_word text;
	v_n integer;
	v_i integer := 0;
	v_exact text[] := ARRAY[]::text[];
	v_exact_ok boolean := true;
	v_fuzzy text[] := ARRAY[]::text[];
	v_group text;
BEGIN
	v_words := (ARRAY(SELECT w FROM regexp_split_to_table(v_qn, '[^a-z0-9]+') w WHERE w <> ''))[1:12];
	v_n := coalesce(array_length(v_words, 1), 0);
	FOREACH v_word IN ARRAY v_words LOOP
		v_i := v_i + 1;
		IF v_i = v_n AND length(v_word) >= 2 THEN
			v_exact := v_exact || (v_word || ':*');
		ELSIF EXISTS (SELECT 1 FROM catalog_terms t WHERE t.variant = v_word AND t.term = v_word) THEN
			v_exact := v_exact || v_word;
		ELSE
			v_exact_ok := false;
		END IF;
		SELECT string_agg(a, ' | ' ORDER BY a COLLATE "C") INTO v_group FROM (
			SELECT DISTINCT t.term AS a FROM catalog_terms t
			WHERE t.variant = ANY (v_word || ARRAY(SELECT substr(v_word, 1, i - 1) || substr(v_word, i + 1) FROM generate_series(1, length(v_word)) i WHERE length(v_word) >= 2))
				AND (length(v_word) >= 5 OR left(t.term, 1) = left(v_word, 1))
			UNION
			SELECT v_word || ':*' WHERE v_i = v_n AND length(v_word) >= 2
		) alts;
		IF v_group IS NOT NULL THEN
			v_fuzzy := v_fuzzy || ('(' || v_group || ')');
		END IF;
	END LOOP;
	RETURN QUERY SELECT * FROM catalog_search(
		p_at, p_q, v_qn,
		CASE WHEN v_exact_ok AND v_n > 0 THEN array_to_string(v_exact, ' & ') ELSE '' END,
		coalesce(array_to_string(v_fuzzy, ' & '), ''),
		p_sector, p_level, p_online, p_center, p_pool, p_limit, p_offset);
END;
$$;
