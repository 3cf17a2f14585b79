"""The hybrid index as a LangChain retriever: ``retriever.invoke("question")`` -> Documents.
Its own module because langchain_core.retrievers takes 0.35 s to import, which ``qa ask`` need not pay."""
from __future__ import annotations

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document as LCDocument
from langchain_core.retrievers import BaseRetriever

from .retrieval import HybridIndex


class HybridRetriever(BaseRetriever):
    index: HybridIndex
    k: int = 4

    model_config = {"arbitrary_types_allowed": True}

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[LCDocument]:
        return [LCDocument(page_content=h.chunk.text, id=h.chunk.id,
                           metadata={"source": h.chunk.source, "title": h.chunk.title, "section": h.chunk.section,
                                     "start": h.chunk.start, "end": h.chunk.end, "score": h.score,
                                     "dense": h.dense, "lexical": h.lexical})
                for h in self.index.search(query, k=self.k)]
