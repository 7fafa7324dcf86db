-- CloudFs catalog, version 3: storage policies (Swift's X-Storage-Policy).
-- policy_index on a container row is the container's policy, fixed when it is created; on an
-- object row it is the policy whose object ring holds the row's blob (the container's policy
-- at upload; a server-side copy shares the source's blob and so keeps the source's index).
-- Rows from before policies existed are policy 0, as Swift treats legacy containers.
ALTER TABLE stobj {ADD_COLUMN} policy_index {INT} NOT NULL DEFAULT 0;
