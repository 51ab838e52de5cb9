-- Catalog search, faster for the common case (the words are spelt right): the one-typo
-- neighbourhoods are built only when the exact words find nothing, and each query runs once
-- (RETURN QUERY, then FOUND) instead of an existence probe followed by the same query.
CREATE OR REPLACE FUNCTION catalog_search(
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
		IF FOUND THEN
			RETURN;
		END IF;
		-- A page past the end of real matches must stay empty, not fall through to the typo query.
		IF p_offset > 0 THEN
			PERFORM 1 FROM catalog_in_force(p_at) v
			WHERE (v.search_tsv @@ to_tsquery('simple', v_tsq) OR v.code = p_q)
				AND (p_sector IS NULL OR v.sector = p_sector) AND (p_level IS NULL OR p_level = ANY (v.levels))
				AND (p_online IS NULL OR v.online_level = p_online)
				AND (p_center IS NULL OR EXISTS (SELECT 1 FROM center_procedures o WHERE o.center_id = p_center AND o.code = v.code))
			LIMIT 1;
			IF FOUND THEN
				RETURN;
			END IF;
		END IF;
	END LOOP;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION catalog_find(
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
			EXIT;
		END IF;
	END LOOP;
	IF v_exact_ok AND v_n > 0 THEN
		RETURN QUERY SELECT * FROM catalog_search(
			p_at, p_q, v_qn, array_to_string(v_exact, ' & '), '',
			p_sector, p_level, p_online, p_center, p_pool, p_limit, p_offset);
		IF FOUND THEN
			RETURN;
		END IF;
		IF p_offset > 0 AND EXISTS (SELECT 1 FROM catalog_search(
			p_at, p_q, v_qn, array_to_string(v_exact, ' & '), '',
			p_sector, p_level, p_online, p_center, 1, 1, 0)) THEN
			RETURN;
		END IF;
	END IF;
	v_i := 0;
	FOREACH v_word IN ARRAY v_words LOOP
		v_i := v_i + 1;
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
		p_at, p_q, v_qn, '', coalesce(array_to_string(v_fuzzy, ' & '), ''),
		p_sector, p_level, p_online, p_center, p_pool, p_limit, p_offset);
END;
$$;
